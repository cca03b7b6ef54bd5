import { resolveComponent, useSSRContext } from "vue";
import { ssrRenderAttrs, ssrRenderComponent } from "vue/server-renderer";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Policy playground","description":"Evaluate an API Gateway resource policy against a request in your browser with @gatehouse/policy.","frontmatter":{"title":"Policy playground","description":"Evaluate an API Gateway resource policy against a request in your browser with @gatehouse/policy.","aside":false},"headers":[],"relativePath":"playground.md","filePath":"playground.md"}');
const _sfc_main = { name: "playground.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  const _component_PolicyPlayground = resolveComponent("PolicyPlayground");
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="policy-playground" tabindex="-1">Policy playground <a class="header-anchor" href="#policy-playground" aria-label="Permalink to &quot;Policy playground&quot;">​</a></h1><p>Paste a REST API resource policy, describe one request, and press <strong>Evaluate</strong>: the page runs <code>evaluateApiGatewayAccess</code> and <code>lintResourcePolicy</code> from <a href="/api/@gatehouse/policy/"><code>@gatehouse/policy</code></a> in your browser (nothing is sent anywhere) and shows what API Gateway would answer — the status, the <code>message</code> of the response body and the reason — and what the linter finds for this setup.</p><p>The sample policy is an account allowlist (<code>Principal: { AWS: [...] }</code>, so the methods must use <code>AWS_IAM</code>) combined with an IP denylist, built with <code>composeResourcePolicy</code>. The request starts from a denied address (<code>203.0.113.9</code>, inside <code>203.0.113.0/24</code>): expect <strong>403</strong> with an explicit deny. Change the source IP to <code>198.51.100.7</code> for <strong>200</strong>, or switch the method to <code>LAMBDA</code> to see why the linter flags the AWS principal.</p>`);
  _push(ssrRenderComponent(_component_PolicyPlayground, null, null, _parent));
  _push(`<h2 id="what-the-model-covers" tabindex="-1">What the model covers <a class="header-anchor" href="#what-the-model-covers" aria-label="Permalink to &quot;What the model covers&quot;">​</a></h2><p>The model follows <a href="./policy/gateway-model">the gateway model</a>: the two-phase rule for Lambda authorizers, Table A and Table B for <code>AWS_IAM</code> callers, condition keys that exist only on public or only on private APIs, and the Cognito <code>must-allow</code> / <code>silent-allows</code> choice. It is a model of the documented behaviour, not AWS itself; each status and message it can produce is listed in <a href="./authorizer/what-the-caller-sees">What the caller sees</a>. The linter&#39;s rules are explained in <a href="./policy/linter">Linter</a>.</p><p>Here the caller&#39;s IAM policy is reduced to one switch (allows <code>execute-api:Invoke</code> on <code>*</code>, or none), and the Lambda authorizer to four outcomes. For anything richer, call <code>evaluateApiGatewayAccess</code> from a test: the <a href="/api/@gatehouse/policy/functions/evaluateApiGatewayAccess">API reference</a> lists every option.</p></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("playground.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const playground = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  playground as default
};
