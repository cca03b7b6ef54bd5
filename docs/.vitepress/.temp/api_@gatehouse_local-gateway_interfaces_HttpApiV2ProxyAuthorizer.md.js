import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Interface: HttpApiV2ProxyAuthorizer","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/local-gateway/interfaces/HttpApiV2ProxyAuthorizer.md","filePath":"api/@gatehouse/local-gateway/interfaces/HttpApiV2ProxyAuthorizer.md"}');
const _sfc_main = { name: "api/@gatehouse/local-gateway/interfaces/HttpApiV2ProxyAuthorizer.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="interface-httpapiv2proxyauthorizer" tabindex="-1">Interface: HttpApiV2ProxyAuthorizer <a class="header-anchor" href="#interface-httpapiv2proxyauthorizer" aria-label="Permalink to &quot;Interface: HttpApiV2ProxyAuthorizer&quot;">​</a></h1><p><code>requestContext.authorizer</code> of a payload-2.0 event.</p><h2 id="properties" tabindex="-1">Properties <a class="header-anchor" href="#properties" aria-label="Permalink to &quot;Properties&quot;">​</a></h2><table tabindex="0"><thead><tr><th>Property</th><th>Type</th><th>Description</th></tr></thead><tbody><tr><td><a id="property-iam"></a> <code>iam?</code></td><td>{ <code>accessKey</code>: <code>string</code>; <code>accountId</code>: <code>string</code>; <code>callerId</code>: <code>string</code>; <code>cognitoIdentity</code>: <code>null</code>; <code>principalOrgId</code>: <code>string</code> | <code>null</code>; <code>userArn</code>: <code>string</code>; <code>userId</code>: <code>string</code>; }</td><td>The SigV4 caller of an <code>AWS_IAM</code> route.</td></tr><tr><td><code>iam.accessKey</code></td><td><code>string</code></td><td>-</td></tr><tr><td><code>iam.accountId</code></td><td><code>string</code></td><td>-</td></tr><tr><td><code>iam.callerId</code></td><td><code>string</code></td><td>-</td></tr><tr><td><code>iam.cognitoIdentity</code></td><td><code>null</code></td><td>-</td></tr><tr><td><code>iam.principalOrgId</code></td><td><code>string</code> | <code>null</code></td><td>-</td></tr><tr><td><code>iam.userArn</code></td><td><code>string</code></td><td>-</td></tr><tr><td><code>iam.userId</code></td><td><code>string</code></td><td>-</td></tr><tr><td><a id="property-jwt"></a> <code>jwt?</code></td><td>{ <code>claims</code>: <code>Record</code>&lt;<code>string</code>, <code>unknown</code>&gt;; <code>scopes</code>: readonly <code>string</code>[] | <code>null</code>; }</td><td>A JWT authorizer&#39;s verified claims and scopes.</td></tr><tr><td><code>jwt.claims</code></td><td><code>Record</code>&lt;<code>string</code>, <code>unknown</code>&gt;</td><td>-</td></tr><tr><td><code>jwt.scopes</code></td><td>readonly <code>string</code>[] | <code>null</code></td><td>-</td></tr><tr><td><a id="property-lambda"></a> <code>lambda?</code></td><td><code>Record</code>&lt;<code>string</code>, <code>unknown</code>&gt; | <code>null</code></td><td>A Lambda authorizer&#39;s <code>context</code> (any JSON values).</td></tr></tbody></table></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/local-gateway/interfaces/HttpApiV2ProxyAuthorizer.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const HttpApiV2ProxyAuthorizer = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  HttpApiV2ProxyAuthorizer as default
};
