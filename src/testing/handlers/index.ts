import type { Route } from "../route";
import { accountMemberTokenRoute } from "./accountMemberTokens";
import {
  associateAccountRoute,
  associateRoute,
  disassociateAccountRoute,
  disassociateRoute,
} from "./associations";
import { accessTokenRoute, customerTokenRoute } from "./auth";
import { createCartRoute, deleteCartRoute, getCartRoute, listCartsRoute } from "./carts";
import { addItemsRoute } from "./items";

/** Every endpoint the fake answers. */
export const routes: readonly Route[] = [
  accessTokenRoute,
  customerTokenRoute,
  accountMemberTokenRoute,
  createCartRoute,
  listCartsRoute,
  getCartRoute,
  deleteCartRoute,
  addItemsRoute,
  associateRoute,
  disassociateRoute,
  associateAccountRoute,
  disassociateAccountRoute,
];
