import type { Route } from "../route";
import { accountMemberTokenRoute } from "./accountMemberTokens";
import {
  associateAccountRoute,
  associateRoute,
  disassociateAccountRoute,
  disassociateRoute,
} from "./associations";
import { accessTokenRoute, customerTokenRoute } from "./auth";
import {
  createCartRoute,
  deleteCartRoute,
  getCartRoute,
  listCartsRoute,
  updateCartRoute,
} from "./carts";
import { checkoutRoute } from "./checkout";
import { clearItemsRoute, deleteItemRoute, updateItemRoute } from "./itemChanges";
import { addItemsRoute } from "./items";
import { getOrderItemsRoute, getOrderRoute, listOrdersRoute } from "./orders";
import { deleteDiscountRoute } from "./promotions";

/** Every endpoint the fake answers. */
export const routes: readonly Route[] = [
  accessTokenRoute,
  customerTokenRoute,
  accountMemberTokenRoute,
  createCartRoute,
  listCartsRoute,
  getCartRoute,
  updateCartRoute,
  deleteCartRoute,
  addItemsRoute,
  updateItemRoute,
  deleteItemRoute,
  clearItemsRoute,
  deleteDiscountRoute,
  checkoutRoute,
  listOrdersRoute,
  getOrderRoute,
  getOrderItemsRoute,
  associateRoute,
  disassociateRoute,
  associateAccountRoute,
  disassociateAccountRoute,
];
