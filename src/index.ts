export { ElasticPathProvider, type ElasticPathProviderProps } from "./provider/ElasticPathProvider";
export type { GuestCartOnLogin } from "./carts/guestCartMerge";
export { useElasticPath } from "./provider/useElasticPath";
export { useCartId } from "./provider/useCartId";
export type { StorageAdapter } from "./session/storage";
export type { MutationResultWithoutSecrets } from "./session/useMutationWithoutSecrets";

export type { CustomerSession, SignedInSession } from "./session/CustomerSession";
export { useCustomerSession } from "./session/useCustomerSession";
export {
  useCustomerLogin,
  type CustomerLoginKeptVariables,
  type CustomerLoginVariables,
  type UseCustomerLoginOptions,
  type UseCustomerLoginResult,
} from "./session/useCustomerLogin";
export { useCustomerLogout } from "./session/useCustomerLogout";

export type {
  AccountMembership,
  AccountSession,
  SignedInAccountSession,
} from "./session/AccountSession";
export { useAccountSession } from "./session/useAccountSession";
export {
  useAccountLogin,
  type AccountLoginKeptVariables,
  type AccountLoginVariables,
  type AccountOidcLogin,
  type AccountPasswordLogin,
  type AccountPasswordlessLogin,
  type AccountSelfSignupLogin,
  type UseAccountLoginOptions,
  type UseAccountLoginResult,
} from "./session/useAccountLogin";
export { useSelectAccount } from "./session/useSelectAccount";
export { useAccountLogout } from "./session/useAccountLogout";

export type { AssociateCartResult, AssociateCartVariables } from "./carts/associateCart";
export {
  useAssociateCartWithCustomer,
  type AssociateCartKeptVariables,
  type MergedCartResult,
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
  useAssociateCartWithAccount,
  type AssociateCartWithAccountKeptVariables,
  type AssociateCartWithAccountResult,
  type AssociateCartWithAccountVariables,
  type MergedAccountCartResult,
  type UseAssociateCartWithAccountOptions,
  type UseAssociateCartWithAccountResult,
} from "./carts/useAssociateCartWithAccount";
export {
  useDisassociateCartFromAccount,
  type DisassociateCartFromAccountResult,
  type UseDisassociateCartFromAccountOptions,
  type UseDisassociateCartFromAccountResult,
} from "./carts/useDisassociateCartFromAccount";
export {
  cartQueries,
  type AccountCartsParams,
  type AccountCartsQueryKey,
  type AccountCartsQueryOptions,
  type AccountCartsSource,
  type InfiniteAccountCartsQueryKey,
  type InfiniteAccountCartsQueryOptions,
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
  useCreateCart,
  type CreateCartVariables,
  type UseCreateCartOptions,
  type UseCreateCartResult,
} from "./carts/useCreateCart";
export {
  useUpdateCart,
  type UpdateCartVariables,
  type UseUpdateCartOptions,
  type UseUpdateCartResult,
} from "./carts/useUpdateCart";
export {
  useDeleteCart,
  type DeleteCartResult,
  type DeleteCartVariables,
  type UseDeleteCartOptions,
  type UseDeleteCartResult,
} from "./carts/useDeleteCart";
export {
  useMergeCarts,
  type MergeCartsResult,
  type MergeCartsVariables,
  type UseMergeCartsOptions,
  type UseMergeCartsResult,
} from "./carts/useMergeCarts";

export {
  useAccountCarts,
  type UseAccountCartsOptions,
  type UseAccountCartsResult,
} from "./carts/useAccountCarts";
export {
  useInfiniteAccountCarts,
  type UseInfiniteAccountCartsOptions,
  type UseInfiniteAccountCartsResult,
} from "./carts/useInfiniteAccountCarts";

export {
  ElasticPathError,
  type ElasticPathErrorEntry,
  type ElasticPathErrorOptions,
} from "./errors/ElasticPathError";
export { toElasticPathError } from "./errors/toElasticPathError";
