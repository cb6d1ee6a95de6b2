/**
 * The SDK's order calls, loaded at the first order read (`import("./orderCalls")`). Every
 * name imported statically from the SDK stays in a storefront's bundle whether it is called
 * or not (where the SDK is external, as the size budget measures it), so a storefront without
 * order hooks carries none of them; this module imports nothing else of the package, so
 * loading it on demand splits nothing else off.
 */
export { getAnOrder, getCustomerOrders } from "@epcc-sdk/sdks-shopper";
