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
import { addItemsRoute } from "./items";

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
  associateRoute,
  disassociateRoute,
  associateAccountRoute,
  disassociateAccountRoute,
];
