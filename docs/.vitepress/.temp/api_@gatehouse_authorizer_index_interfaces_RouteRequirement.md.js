import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Interface: RouteRequirement<C>","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/authorizer/index/interfaces/RouteRequirement.md","filePath":"api/@gatehouse/authorizer/index/interfaces/RouteRequirement.md"}');
const _sfc_main = { name: "api/@gatehouse/authorizer/index/interfaces/RouteRequirement.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="interface-routerequirement-c" tabindex="-1">Interface: RouteRequirement&lt;C&gt; <a class="header-anchor" href="#interface-routerequirement-c" aria-label="Permalink to &quot;Interface: RouteRequirement\\&lt;C\\&gt;&quot;">​</a></h1><p>What an identity needs to call a route. Every listed condition must hold; <code>{}</code> means any valid token.</p><h2 id="type-parameters" tabindex="-1">Type Parameters <a class="header-anchor" href="#type-parameters" aria-label="Permalink to &quot;Type Parameters&quot;">​</a></h2><table tabindex="0"><thead><tr><th>Type Parameter</th><th>Default type</th></tr></thead><tbody><tr><td><a id="type-parameter-c"></a> <code>C</code> <em>extends</em> <a href="./JwtClaims"><code>JwtClaims</code></a></td><td><a href="./JwtClaims"><code>JwtClaims</code></a></td></tr></tbody></table><h2 id="properties" tabindex="-1">Properties <a class="header-anchor" href="#properties" aria-label="Permalink to &quot;Properties&quot;">​</a></h2><table tabindex="0"><thead><tr><th>Property</th><th>Type</th><th>Description</th></tr></thead><tbody><tr><td><a id="property-claims"></a> <code>claims?</code></td><td>(<code>claims</code>, <code>verified</code>) =&gt; <code>boolean</code></td><td>A predicate on the verified claims; only a returned <code>true</code> passes. It must depend on the identity only (it is evaluated once per token, for every route of the table). A throw is an internal error (fail closed).</td></tr><tr><td><a id="property-groups"></a> <code>groups?</code></td><td>readonly <code>string</code>[]</td><td>Groups, <strong>any one</strong> suffices (Cognito <code>cognito:groups</code>). Must not be empty.</td></tr><tr><td><a id="property-scopes"></a> <code>scopes?</code></td><td>readonly <code>string</code>[]</td><td>OAuth scopes, <strong>all</strong> required (from the token&#39;s <code>scope</code>).</td></tr></tbody></table></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/authorizer/index/interfaces/RouteRequirement.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const RouteRequirement = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  RouteRequirement as default
};
