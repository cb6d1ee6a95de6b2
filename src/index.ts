export { ElasticPathProvider, type ElasticPathProviderProps } from "./provider/ElasticPathProvider";
export type { GuestCartOnLogin } from "./core/carts/associateCart";
export { useElasticPath } from "./hooks/session/useElasticPath";
export { useCartId } from "./hooks/session/useCartId";
export type { StorageAdapter } from "./core/session/storage";
export type { MutationResultWithoutSecrets } from "./hooks/internal/useMutationWithoutSecrets";

export type { CustomerSession, SignedInSession } from "./core/session/CustomerSession";
export { useCustomerSession } from "./hooks/session/useCustomerSession";
export {
  useCustomerLogin,
  type CustomerLoginKeptVariables,
  type CustomerLoginVariables,
  type UseCustomerLoginOptions,
  type UseCustomerLoginResult,
} from "./hooks/session/useCustomerLogin";
export { useCustomerLogout } from "./hooks/session/useCustomerLogout";

export type {
  AccountMembership,
  AccountSession,
  SignedInAccountSession,
} from "./core/session/AccountSession";
export { useAccountSession } from "./hooks/session/useAccountSession";
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
} from "./hooks/session/useAccountLogin";
export { useSelectAccount } from "./hooks/session/useSelectAccount";
export { useAccountLogout } from "./hooks/session/useAccountLogout";

export type { AssociateCartResult, AssociateCartVariables } from "./core/carts/associateCart";
export {
  useAssociateCartWithCustomer,
  type AssociateCartKeptVariables,
  type MergedCartResult,
  type UseAssociateCartWithCustomerOptions,
  type UseAssociateCartWithCustomerResult,
} from "./hooks/carts/useAssociateCartWithCustomer";
export {
  useDisassociateCartFromCustomer,
  type DisassociateCartResult,
  type UseDisassociateCartFromCustomerOptions,
  type UseDisassociateCartFromCustomerResult,
} from "./hooks/carts/useDisassociateCartFromCustomer";
export {
  useAssociateCartWithAccount,
  type AssociateCartWithAccountKeptVariables,
  type AssociateCartWithAccountResult,
  type AssociateCartWithAccountVariables,
  type MergedAccountCartResult,
  type UseAssociateCartWithAccountOptions,
  type UseAssociateCartWithAccountResult,
} from "./hooks/carts/useAssociateCartWithAccount";
export {
  useDisassociateCartFromAccount,
  type DisassociateCartFromAccountResult,
  type UseDisassociateCartFromAccountOptions,
  type UseDisassociateCartFromAccountResult,
} from "./hooks/carts/useDisassociateCartFromAccount";
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
  type CartSource,
  type CustomerCartsQueryOptions,
  type InfiniteCustomerCartsQueryOptions,
  type CustomerCartsParams,
  type CustomerCartsQueryKey,
  type CustomerCartsSource,
  type InfiniteCustomerCartsQueryKey,
} from "./core/carts/cartQueries";
export type { CartContents, CartItem } from "./core/carts/cartEntry";
export {
  useCustomerCarts,
  type UseCustomerCartsOptions,
  type UseCustomerCartsResult,
} from "./hooks/carts/useCustomerCarts";
export {
  useInfiniteCustomerCarts,
  type UseInfiniteCustomerCartsOptions,
  type UseInfiniteCustomerCartsResult,
} from "./hooks/carts/useInfiniteCustomerCarts";

export {
  useCreateCart,
  type CreateCartVariables,
  type UseCreateCartOptions,
  type UseCreateCartResult,
} from "./hooks/carts/useCreateCart";
export {
  useUpdateCart,
  type UpdateCartVariables,
  type UseUpdateCartOptions,
  type UseUpdateCartResult,
} from "./hooks/carts/useUpdateCart";
export {
  useDeleteCart,
  type DeleteCartResult,
  type DeleteCartVariables,
  type UseDeleteCartOptions,
  type UseDeleteCartResult,
} from "./hooks/carts/useDeleteCart";
export {
  useMergeCarts,
  type MergeCartsResult,
  type MergeCartsVariables,
  type UseMergeCartsOptions,
  type UseMergeCartsResult,
} from "./hooks/carts/useMergeCarts";

export {
  useAccountCarts,
  type UseAccountCartsOptions,
  type UseAccountCartsResult,
} from "./hooks/carts/useAccountCarts";
export {
  useInfiniteAccountCarts,
  type UseInfiniteAccountCartsOptions,
  type UseInfiniteAccountCartsResult,
} from "./hooks/carts/useInfiniteAccountCarts";

export {
  ElasticPathError,
  type ElasticPathErrorEntry,
  type ElasticPathErrorOptions,
} from "./core/errors/ElasticPathError";
export { toElasticPathError } from "./core/errors/toElasticPathError";

/** The cart itself: its contents, one lazily created cart, changes that never double. */
export { useCart, type UseCartOptions, type UseCartResult } from "./hooks/cart/useCart";
export {
  useAddCartItem,
  type CartItemInput,
  type UseAddCartItemOptions,
  type UseAddCartItemResult,
} from "./hooks/cart/useAddCartItem";
export {
  useUpdateCartItem,
  type UpdateCartItemVariables,
  type UseUpdateCartItemOptions,
  type UseUpdateCartItemResult,
} from "./hooks/cart/useUpdateCartItem";
export {
  useRemoveCartItem,
  type RemoveCartItemVariables,
  type UseRemoveCartItemOptions,
  type UseRemoveCartItemResult,
} from "./hooks/cart/useRemoveCartItem";
export {
  useClearCart,
  type UseClearCartOptions,
  type UseClearCartResult,
} from "./hooks/cart/useClearCart";
export {
  useApplyPromotionCode,
  type PromotionCodeVariables,
  type UseApplyPromotionCodeOptions,
  type UseApplyPromotionCodeResult,
} from "./hooks/cart/useApplyPromotionCode";
export {
  useRemovePromotionCode,
  type UseRemovePromotionCodeOptions,
  type UseRemovePromotionCodeResult,
} from "./hooks/cart/useRemovePromotionCode";

/** Checkout: one cart, one order. */
export {
  useCheckout,
  type CheckoutAddress,
  type CheckoutInput,
  type UseCheckoutOptions,
  type UseCheckoutResult,
} from "./hooks/checkout/useCheckout";

/** Orders: the signed-in shopper's order history and one order with its items. */
export { orderQueries, type OrdersSource } from "./core/orders/orderQueries";
export type {
  InfiniteOrdersQueryKey,
  InfiniteOrdersQueryOptions,
  OrderCollection,
  OrderQueryKey,
  OrderQueryOptions,
  OrdersParams,
  OrdersQueryKey,
  OrdersQueryOptions,
  OrderWithItems,
} from "./core/orders/orderRequests";
export { useOrders, type UseOrdersOptions, type UseOrdersResult } from "./hooks/orders/useOrders";
export {
  useInfiniteOrders,
  type UseInfiniteOrdersOptions,
  type UseInfiniteOrdersResult,
} from "./hooks/orders/useInfiniteOrders";
export { useOrder, type UseOrderOptions, type UseOrderResult } from "./hooks/orders/useOrder";
