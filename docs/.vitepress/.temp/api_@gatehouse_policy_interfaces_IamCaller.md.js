import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Interface: IamCaller","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/policy/interfaces/IamCaller.md","filePath":"api/@gatehouse/policy/interfaces/IamCaller.md"}');
const _sfc_main = { name: "api/@gatehouse/policy/interfaces/IamCaller.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="interface-iamcaller" tabindex="-1">Interface: IamCaller <a class="header-anchor" href="#interface-iamcaller" aria-label="Permalink to &quot;Interface: IamCaller&quot;">​</a></h1><p>A SigV4-signed caller of an <code>AWS_IAM</code> method.</p><h2 id="properties" tabindex="-1">Properties <a class="header-anchor" href="#properties" aria-label="Permalink to &quot;Properties&quot;">​</a></h2><table tabindex="0"><thead><tr><th>Property</th><th>Type</th><th>Description</th></tr></thead><tbody><tr><td><a id="property-accountid"></a> <code>accountId</code></td><td><code>string</code></td><td>The principal&#39;s 12-digit account; different from the API&#39;s account means Table B.</td></tr><tr><td><a id="property-arn"></a> <code>arn</code></td><td><code>string</code></td><td>The signing principal, e.g. <code>arn:aws:iam::111122223333:role/app</code> or an <code>assumed-role</code> ARN.</td></tr><tr><td><a id="property-callerpolicy"></a> <code>callerPolicy</code></td><td>| <a href="./PolicyDocument"><code>PolicyDocument</code></a> | readonly <a href="./PolicyDocument"><code>PolicyDocument</code></a>[] | <code>null</code></td><td>The caller&#39;s identity policies (one document or several); <code>null</code> when none applies (silent). Statements without <code>Principal</code>, as IAM identity policies are written.</td></tr><tr><td><a id="property-orgid"></a> <code>orgId?</code></td><td><code>string</code></td><td>The principal&#39;s AWS Organizations id; sets <code>aws:PrincipalOrgID</code> when given.</td></tr><tr><td><a id="property-signaturevalid"></a> <code>signatureValid</code></td><td><code>boolean</code></td><td>Whether the SigV4 signature verifies; <code>false</code> -&gt; 403 before any policy is read.</td></tr></tbody></table></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/policy/interfaces/IamCaller.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const IamCaller = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  IamCaller as default
};
