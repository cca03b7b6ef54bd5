import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Interface: AuthorizerInvocation","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/policy/interfaces/AuthorizerInvocation.md","filePath":"api/@gatehouse/policy/interfaces/AuthorizerInvocation.md"}');
const _sfc_main = { name: "api/@gatehouse/policy/interfaces/AuthorizerInvocation.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="interface-authorizerinvocation" tabindex="-1">Interface: AuthorizerInvocation <a class="header-anchor" href="#interface-authorizerinvocation" aria-label="Permalink to &quot;Interface: AuthorizerInvocation&quot;">​</a></h1><p>What the model passes to an authorizer function.</p><h2 id="properties" tabindex="-1">Properties <a class="header-anchor" href="#properties" aria-label="Permalink to &quot;Properties&quot;">​</a></h2><table tabindex="0"><thead><tr><th>Property</th><th>Type</th><th>Description</th></tr></thead><tbody><tr><td><a id="property-methodarn"></a> <code>methodArn</code></td><td><code>string</code></td><td>The request&#39;s method ARN, as <code>event.methodArn</code> carries it.</td></tr></tbody></table></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/policy/interfaces/AuthorizerInvocation.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const AuthorizerInvocation = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  AuthorizerInvocation as default
};
