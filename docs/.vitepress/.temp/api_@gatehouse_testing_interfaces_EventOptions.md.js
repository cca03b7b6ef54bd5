import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Interface: EventOptions","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/testing/interfaces/EventOptions.md","filePath":"api/@gatehouse/testing/interfaces/EventOptions.md"}');
const _sfc_main = { name: "api/@gatehouse/testing/interfaces/EventOptions.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="interface-eventoptions" tabindex="-1">Interface: EventOptions <a class="header-anchor" href="#interface-eventoptions" aria-label="Permalink to &quot;Interface: EventOptions&quot;">​</a></h1><p>Options every event factory takes: where the API lives, who calls it and when. Defaults are the same in all factories, so events of one test describe one API.</p><h2 id="extended-by" tabindex="-1">Extended by <a class="header-anchor" href="#extended-by" aria-label="Permalink to &quot;Extended by&quot;">​</a></h2><ul><li><a href="./HttpEventOptions"><code>HttpEventOptions</code></a></li><li><a href="./RestTokenEventOptions"><code>RestTokenEventOptions</code></a></li><li><a href="./WebSocketConnectEventOptions"><code>WebSocketConnectEventOptions</code></a></li></ul><h2 id="properties" tabindex="-1">Properties <a class="header-anchor" href="#properties" aria-label="Permalink to &quot;Properties&quot;">​</a></h2><table tabindex="0"><thead><tr><th>Property</th><th>Type</th><th>Description</th></tr></thead><tbody><tr><td><a id="property-accountid"></a> <code>accountId?</code></td><td><code>string</code></td><td><strong>Default</strong> <code>&quot;123456789012&quot;</code></td></tr><tr><td><a id="property-apiid"></a> <code>apiId?</code></td><td><code>string</code></td><td><strong>Default</strong> <code>&quot;a1b2c3d4e5&quot;</code></td></tr><tr><td><a id="property-now"></a> <code>now?</code></td><td><code>number</code></td><td>Request time in epoch milliseconds. <strong>Default</strong> <code>Date.now()</code></td></tr><tr><td><a id="property-region"></a> <code>region?</code></td><td><code>string</code></td><td><strong>Default</strong> <code>&quot;eu-west-1&quot;</code></td></tr><tr><td><a id="property-requestid"></a> <code>requestId?</code></td><td><code>string</code></td><td><strong>Default</strong> <code>a random id in the shape the API type uses</code></td></tr><tr><td><a id="property-sourceip"></a> <code>sourceIp?</code></td><td><code>string</code></td><td>Caller IP address. <strong>Default</strong> <code>&quot;198.51.100.23&quot;</code></td></tr><tr><td><a id="property-stage"></a> <code>stage?</code></td><td><code>string</code></td><td><strong>Default</strong> <code>&quot;prod&quot; (REST, WebSocket) or &quot;$default&quot; (HTTP API)</code></td></tr><tr><td><a id="property-stagevariables"></a> <code>stageVariables?</code></td><td><code>Record</code>&lt;<code>string</code>, <code>string</code>&gt;</td><td><strong>Default</strong> <code>{} or, in HTTP API 2.0, left out</code></td></tr><tr><td><a id="property-useragent"></a> <code>userAgent?</code></td><td><code>string</code></td><td><strong>Default</strong> <code>&quot;curl/8.7.1&quot;</code></td></tr></tbody></table></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/testing/interfaces/EventOptions.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const EventOptions = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  EventOptions as default
};
