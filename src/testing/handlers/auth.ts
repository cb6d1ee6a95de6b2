/**
 * `POST /oauth/access_token` and `POST /v2/customers/tokens` (customer login).
 * As Elastic Path's API reference documents it (elasticpath.dev): "POST /oauth/access_token" and "POST /v2/customers/tokens".
 */
import { badRequest } from "../errors";
import { missingLoginField, wrongCredentials } from "../inferred";
import { fail, json } from "../reply";
import type { Route } from "../route";
import { isRecord, jsonBody } from "./shared";

export const accessTokenRoute: Route = {
  endpoint: "access-token",
  method: "POST",
  path: "/oauth/access_token",
  needsBearer: false,
  handle(request, runtime) {
    // Form-encoded on the wire; JSON fields are tolerated so hand-written calls work too.
    const { body } = request;
    let fields: Record<string, unknown> = {};
    if (body.kind === "form") fields = body.value;
    else if (body.kind === "json" && isRecord(body.value)) fields = body.value;
    const grantType = fields.grant_type;
    if (typeof grantType !== "string" || grantType === "") {
      return badRequest("grant_type is required.");
    }
    if (grantType !== "implicit" && grantType !== "client_credentials") {
      return badRequest(
        `grant_type must be "implicit" or "client_credentials", got "${grantType}".`,
      );
    }
    if (typeof fields.client_id !== "string" || fields.client_id === "") {
      return badRequest("client_id is required.");
    }
    if (fields.client_id !== runtime.clientId) {
      return fail(401, "Unauthorized", "The client id is not known.");
    }
    if (grantType === "client_credentials") {
      if (typeof fields.client_secret !== "string" || fields.client_secret === "") {
        return badRequest("client_secret is required for client_credentials.");
      }
      if (fields.client_secret !== runtime.clientSecret) {
        return fail(401, "Unauthorized", "The client secret is wrong.");
      }
    }
    // Unwrapped, not in `data`: the real service answers so and the SDK reads it so,
    // whatever Elastic Path's authentication OpenAPI file (in the public elasticpath/composable-frontend repository) says (the SDK reads `access_token` at the top level).
    return json(200, runtime.tokens.issueAccessToken(grantType));
  },
};

export const customerTokenRoute: Route = {
  endpoint: "customer-token",
  method: "POST",
  path: "/v2/customers/tokens",
  needsBearer: true,
  handle(request, runtime) {
    const body = jsonBody(request);
    if (!body.ok) return body.reply;
    const data = isRecord(body.value) ? body.value.data : undefined;
    if (!isRecord(data)) return missingLoginField("data");
    if (data.type !== "token") return badRequest('data.type must be "token".');
    const mechanism = data.authentication_mechanism;
    if (mechanism !== undefined && mechanism !== "password") {
      return badRequest('The fake Elastic Path only supports authentication_mechanism "password".');
    }
    if (typeof data.email !== "string" || data.email === "") return missingLoginField("data.email");
    if (typeof data.password !== "string" || data.password === "") {
      return missingLoginField("data.password");
    }

    const customer = runtime.store.findCustomerByEmail(data.email);
    if (!customer || customer.password !== data.password) return wrongCredentials();
    const issued = runtime.tokens.issueCustomerToken(customer.id);
    return json(200, {
      data: {
        type: "token",
        id: issued.id,
        customer_id: customer.id,
        token: issued.token,
        expires: issued.expires,
      },
    });
  },
};
