import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Interface: Cidr","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/policy/interfaces/Cidr.md","filePath":"api/@gatehouse/policy/interfaces/Cidr.md"}');
const _sfc_main = { name: "api/@gatehouse/policy/interfaces/Cidr.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="interface-cidr" tabindex="-1">Interface: Cidr <a class="header-anchor" href="#interface-cidr" aria-label="Permalink to &quot;Interface: Cidr&quot;">​</a></h1><p>A parsed, normalised IPv4 or IPv6 block, as <code>aws:SourceIp</code>-style conditions compare them.</p><h2 id="properties" tabindex="-1">Properties <a class="header-anchor" href="#properties" aria-label="Permalink to &quot;Properties&quot;">​</a></h2><table tabindex="0"><thead><tr><th>Property</th><th>Type</th><th>Description</th></tr></thead><tbody><tr><td><a id="property-address"></a> <code>address</code></td><td><code>string</code></td><td>Network address with host bits cleared; IPv6 in RFC 5952 form (lower case, compressed).</td></tr><tr><td><a id="property-prefix"></a> <code>prefix</code></td><td><code>number</code></td><td>Prefix length: 0-32 for IPv4, 0-128 for IPv6. A bare address has 32 or 128.</td></tr><tr><td><a id="property-text"></a> <code>text</code></td><td><code>string</code></td><td>Canonical <code>address/prefix</code>, always with a prefix.</td></tr><tr><td><a id="property-version"></a> <code>version</code></td><td><code>4</code> | <code>6</code></td><td>-</td></tr></tbody></table></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/policy/interfaces/Cidr.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const Cidr = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  Cidr as default
};
