import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Interface: RouteTemplateArn","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/policy/interfaces/RouteTemplateArn.md","filePath":"api/@gatehouse/policy/interfaces/RouteTemplateArn.md"}');
const _sfc_main = { name: "api/@gatehouse/policy/interfaces/RouteTemplateArn.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="interface-routetemplatearn" tabindex="-1">Interface: RouteTemplateArn <a class="header-anchor" href="#interface-routetemplatearn" aria-label="Permalink to &quot;Interface: RouteTemplateArn&quot;">​</a></h1><p>The ARN pattern for a route template, and how exact it is.</p><h2 id="properties" tabindex="-1">Properties <a class="header-anchor" href="#properties" aria-label="Permalink to &quot;Properties&quot;">​</a></h2><table tabindex="0"><thead><tr><th>Property</th><th>Type</th><th>Description</th></tr></thead><tbody><tr><td><a id="property-overmatch"></a> <code>overMatch</code></td><td><code>boolean</code></td><td><code>true</code> when the pattern also matches requests the template does not: IAM&#39;s <code>*</code> crosses <code>/</code>, so a <code>*</code> from a mid-path or final single-segment parameter, or from the <code>ANY</code> verb, matches deeper paths too; an HTTP API <code>$default</code> pattern covers every route, not only the fall-through ones.</td></tr><tr><td><a id="property-pattern"></a> <code>pattern</code></td><td><code>string</code></td><td>Full ARN pattern, e.g. <code>arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets/*</code>.</td></tr><tr><td><a id="property-warnings"></a> <code>warnings</code></td><td><code>string</code>[]</td><td>One human-readable sentence per over-match (and per other concern, such as length).</td></tr></tbody></table></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/policy/interfaces/RouteTemplateArn.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const RouteTemplateArn = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  RouteTemplateArn as default
};
