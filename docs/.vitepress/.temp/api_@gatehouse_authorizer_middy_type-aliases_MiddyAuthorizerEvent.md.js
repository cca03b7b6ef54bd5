import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Type Alias: MiddyAuthorizerEvent","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/authorizer/middy/type-aliases/MiddyAuthorizerEvent.md","filePath":"api/@gatehouse/authorizer/middy/type-aliases/MiddyAuthorizerEvent.md"}');
const _sfc_main = { name: "api/@gatehouse/authorizer/middy/type-aliases/MiddyAuthorizerEvent.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="type-alias-middyauthorizerevent" tabindex="-1">Type Alias: MiddyAuthorizerEvent <a class="header-anchor" href="#type-alias-middyauthorizerevent" aria-label="Permalink to &quot;Type Alias: MiddyAuthorizerEvent&quot;">​</a></h1><div class="language-ts vp-adaptive-theme"><button title="Copy Code" class="copy"></button><span class="lang">ts</span><pre class="shiki shiki-themes github-light github-dark vp-code" tabindex="0"><code><span class="line"><span style="--shiki-light:#D73A49;--shiki-dark:#F97583;">type</span><span style="--shiki-light:#6F42C1;--shiki-dark:#B392F0;"> MiddyAuthorizerEvent</span><span style="--shiki-light:#D73A49;--shiki-dark:#F97583;"> =</span><span style="--shiki-light:#6F42C1;--shiki-dark:#B392F0;"> APIGatewayAuthorizerEvent</span><span style="--shiki-light:#D73A49;--shiki-dark:#F97583;"> |</span><span style="--shiki-light:#6F42C1;--shiki-dark:#B392F0;"> APIGatewayRequestAuthorizerEventV2</span><span style="--shiki-light:#24292E;--shiki-dark:#E1E4E8;">;</span></span></code></pre></div><p>Every authorizer event, as <code>@types/aws-lambda</code> names them (WebSocket <code>$connect</code> is a REQUEST event).</p></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/authorizer/middy/type-aliases/MiddyAuthorizerEvent.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const MiddyAuthorizerEvent = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  MiddyAuthorizerEvent as default
};
