import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse(`{"title":"Gatehouse","titleTemplate":"Secure AWS API Gateway APIs from TypeScript","description":"","frontmatter":{"layout":"home","title":"Gatehouse","titleTemplate":"Secure AWS API Gateway APIs from TypeScript","hero":{"name":"Gatehouse","text":"Secure AWS API Gateway APIs from TypeScript","tagline":"Resource policies you can generate, lint and evaluate locally; Lambda authorizers that fail closed and stay right under API Gateway's cache; SigV4 signing and identity-pool credentials — all testable on one machine, without AWS.","actions":[{"theme":"brand","text":"Get started","link":"/getting-started"},{"theme":"alt","text":"Try the policy playground","link":"/playground"},{"theme":"alt","text":"Compare with other libraries","link":"/comparison"}]},"features":[{"title":"@gatehouse/policy","details":"execute-api ARNs, authorizer responses, resource-policy presets, a local IAM / API Gateway evaluator, a linter, CDK / CloudFormation / Terraform / OpenAPI output. No runtime dependencies; runs in browsers.","link":"/policy/resource-policies","linkText":"Resource policies"},{"title":"@gatehouse/authorizer","details":"JWT-verifying Lambda authorizers for REST, HTTP API and WebSocket, Cognito and any OIDC issuer. Fails closed; returns policies that stay correct when API Gateway caches them.","link":"/authorizer/handlers","linkText":"Handlers"},{"title":"@gatehouse/sigv4","details":"SigV4 for IAM-protected APIs in Node, Lambda and browsers — signed fetch, presigned WebSocket URLs, credential caching, clock-skew correction.","link":"/sigv4/node","linkText":"Node and Lambda"},{"title":"What the caller sees","details":"200, 401, 403 or 500 for every outcome and API type, with API Gateway's exact messages — the tables the evaluator and the authorizers are tested against.","link":"/authorizer/what-the-caller-sees","linkText":"The tables"},{"title":"Policy playground","details":"Paste a resource policy, describe a request, and see the status API Gateway would answer and what the linter finds — computed in your browser.","link":"/playground","linkText":"Open the playground"},{"title":"API reference","details":"Every export of every package, generated from the TSDoc in the sources at each build.","link":"/api/","linkText":"Browse the API"}]},"headers":[],"relativePath":"index.md","filePath":"index.md"}`);
const _sfc_main = { name: "index.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("index.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const index = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  index as default
};
