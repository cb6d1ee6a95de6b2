import type { getACart } from "@epcc-sdk/sdks-shopper";
import { describe, expectTypeOf, it } from "vitest";
import type { ElasticPathError } from "../../src";
import { toElasticPathError } from "../../src";
import { toElasticPathError as fromQueries } from "../../src/queries";

describe("toElasticPathError", () => {
  it("takes an SDK answer or anything thrown, and an optional action; gives an ElasticPathError", () => {
    expectTypeOf(toElasticPathError).parameters.toEqualTypeOf<[unknown, (string | undefined)?]>();
    expectTypeOf(toElasticPathError).returns.toEqualTypeOf<ElasticPathError>();
    type Answer = Awaited<ReturnType<typeof getACart>>;
    expectTypeOf(
      toElasticPathError({} as Answer, "Loading the cart"),
    ).toEqualTypeOf<ElasticPathError>();
  });

  it("is the same function from the server-safe entry", () => {
    expectTypeOf(fromQueries).toEqualTypeOf(toElasticPathError);
  });
});
