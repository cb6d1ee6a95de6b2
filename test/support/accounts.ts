/** Account members for tests: one member of two accounts, as a B2B storefront has them. */
import type { FakeElasticPath } from "../../src/testing";

export const MEMBER = { username: "ada@example.com", password: "correct horse battery staple" };

/** A member of two accounts (a business and a family); the business is listed first. */
export function seedMember(fake: FakeElasticPath) {
  const business = fake.seedAccount({ name: "Analytical Engines Ltd" });
  const family = fake.seedAccount({ name: "The Lovelaces" });
  const member = fake.seedAccountMember({ ...MEMBER, accountIds: [business.id, family.id] });
  return { business, family, member };
}
