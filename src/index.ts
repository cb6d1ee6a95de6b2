export { ElasticPathProvider, type ElasticPathProviderProps } from "./provider/ElasticPathProvider";
export { useElasticPath } from "./provider/useElasticPath";
export { useCartId } from "./provider/useCartId";
export type { StorageAdapter } from "./provider/storage";

export type { CustomerSession, SignedInSession } from "./session/CustomerSession";
export { useCustomerSession } from "./session/useCustomerSession";
export {
  useCustomerLogin,
  type CustomerLoginVariables,
  type UseCustomerLoginOptions,
  type UseCustomerLoginResult,
} from "./session/useCustomerLogin";
export { useCustomerLogout } from "./session/useCustomerLogout";

export type { AssociateCartResult, AssociateCartVariables } from "./carts/associateCart";
export {
  useAssociateCartWithCustomer,
  type UseAssociateCartWithCustomerOptions,
  type UseAssociateCartWithCustomerResult,
} from "./carts/useAssociateCartWithCustomer";
export {
  useDisassociateCartFromCustomer,
  type DisassociateCartResult,
  type UseDisassociateCartFromCustomerOptions,
  type UseDisassociateCartFromCustomerResult,
} from "./carts/useDisassociateCartFromCustomer";
export {
  cartQueries,
  type CartQueryKey,
  type CartQueryOptions,
  type CustomerCartsQueryOptions,
  type InfiniteCustomerCartsQueryOptions,
  type CustomerCartsParams,
  type CustomerCartsQueryKey,
  type CustomerCartsSource,
  type InfiniteCustomerCartsQueryKey,
} from "./carts/cartQueries";
export {
  useCustomerCarts,
  type UseCustomerCartsOptions,
  type UseCustomerCartsResult,
} from "./carts/useCustomerCarts";
export {
  useInfiniteCustomerCarts,
  type UseInfiniteCustomerCartsOptions,
  type UseInfiniteCustomerCartsResult,
} from "./carts/useInfiniteCustomerCarts";

export {
  ElasticPathError,
  type ElasticPathErrorEntry,
  type ElasticPathErrorOptions,
} from "./errors/ElasticPathError";
