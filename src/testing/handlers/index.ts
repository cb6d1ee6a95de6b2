import type { Route } from "../route";
import { associateRoute, disassociateRoute } from "./associations";
import { accessTokenRoute, customerTokenRoute } from "./auth";
import { createCartRoute, deleteCartRoute, getCartRoute, listCartsRoute } from "./carts";
import { addItemsRoute } from "./items";

/** Every endpoint the fake answers. */
export const routes: readonly Route[] = [
  accessTokenRoute,
  customerTokenRoute,
  createCartRoute,
  listCartsRoute,
  getCartRoute,
  deleteCartRoute,
  addItemsRoute,
  associateRoute,
  disassociateRoute,
];
