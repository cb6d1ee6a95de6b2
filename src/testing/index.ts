/**
 * `epcc-react-hooks/testing`: an in-memory Elastic Path for tests and demos, served by msw.
 */
export { createFakeElasticPath } from "./createFakeElasticPath";
export {
  startFakeElasticPathWorker,
  type FakeElasticPathWorker,
  type StartFakeElasticPathWorkerOptions,
} from "./startFakeElasticPathWorker";
export { fakeEndpoints } from "./validate";
export type {
  FakeAccount,
  FakeAccountAssociation,
  FakeAccountMember,
  FakeAssociation,
  FakeCustomer,
  FakeElasticPath,
  FakeElasticPathOptions,
  FakeEndpoint,
  FakeFault,
  FakeOrder,
  FakeOrderItem,
  FakeProduct,
  FakePromotion,
  RecordedRequest,
  SeedAccountInput,
  SeedAccountMemberInput,
  SeedCartInput,
  SeededCart,
  SeedCustomItem,
  SeedCustomerInput,
  SeedPrice,
  SeedProductInput,
  SeedPromotionInput,
} from "./types";
