import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Interface: DemoRow","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/cli/interfaces/DemoRow.md","filePath":"api/@gatehouse/cli/interfaces/DemoRow.md"}');
const _sfc_main = { name: "api/@gatehouse/cli/interfaces/DemoRow.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="interface-demorow" tabindex="-1">Interface: DemoRow <a class="header-anchor" href="#interface-demorow" aria-label="Permalink to &quot;Interface: DemoRow&quot;">​</a></h1><p>One request of the demo and what came back.</p><h2 id="properties" tabindex="-1">Properties <a class="header-anchor" href="#properties" aria-label="Permalink to &quot;Properties&quot;">​</a></h2><table tabindex="0"><thead><tr><th>Property</th><th>Type</th><th>Description</th></tr></thead><tbody><tr><td><a id="property-actual"></a> <code>actual</code></td><td><code>number</code> | <code>null</code></td><td>The status the local gateway answered; <code>null</code> when the request failed.</td></tr><tr><td><a id="property-expected"></a> <code>expected</code></td><td><code>number</code></td><td>The status API Gateway gives this request.</td></tr><tr><td><a id="property-fromcache"></a> <code>fromCache</code></td><td><code>boolean</code></td><td>Whether the answer came from the authorizer cache.</td></tr><tr><td><a id="property-matched"></a> <code>matched</code></td><td><code>boolean</code></td><td><code>actual === expected</code>.</td></tr><tr><td><a id="property-note"></a> <code>note</code></td><td><code>string</code></td><td>What the row demonstrates, in one sentence.</td></tr><tr><td><a id="property-reason"></a> <code>reason</code></td><td><code>string</code></td><td>The gateway&#39;s reason code (<code>allowed</code>, <code>authorizer-implicit-deny</code>, ...), or the failure.</td></tr><tr><td><a id="property-request"></a> <code>request</code></td><td><code>string</code></td><td>What was sent, e.g. <code>GET /dev/pets (no token)</code>.</td></tr><tr><td><a id="property-section"></a> <code>section</code></td><td><code>string</code></td><td>The part of the sample API the row shows.</td></tr><tr><td><a id="property-step"></a> <code>step</code></td><td><code>number</code></td><td>1, 2, ...</td></tr></tbody></table></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/cli/interfaces/DemoRow.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const DemoRow = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  DemoRow as default
};
