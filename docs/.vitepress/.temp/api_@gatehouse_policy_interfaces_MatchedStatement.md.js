import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Interface: MatchedStatement","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/policy/interfaces/MatchedStatement.md","filePath":"api/@gatehouse/policy/interfaces/MatchedStatement.md"}');
const _sfc_main = { name: "api/@gatehouse/policy/interfaces/MatchedStatement.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="interface-matchedstatement" tabindex="-1">Interface: MatchedStatement <a class="header-anchor" href="#interface-matchedstatement" aria-label="Permalink to &quot;Interface: MatchedStatement&quot;">​</a></h1><p>A statement that applied to the request, by its position in <code>Statement</code>.</p><h2 id="properties" tabindex="-1">Properties <a class="header-anchor" href="#properties" aria-label="Permalink to &quot;Properties&quot;">​</a></h2><table tabindex="0"><thead><tr><th>Property</th><th>Type</th></tr></thead><tbody><tr><td><a id="property-effect"></a> <code>effect</code></td><td><code>&quot;Allow&quot;</code> | <code>&quot;Deny&quot;</code></td></tr><tr><td><a id="property-index"></a> <code>index</code></td><td><code>number</code></td></tr><tr><td><a id="property-sid"></a> <code>sid</code></td><td><code>string</code> | <code>undefined</code></td></tr></tbody></table></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/policy/interfaces/MatchedStatement.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const MatchedStatement = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  MatchedStatement as default
};
