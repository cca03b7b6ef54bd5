import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Interface: RestTokenAuthorizerEvent","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/policy/interfaces/RestTokenAuthorizerEvent.md","filePath":"api/@gatehouse/policy/interfaces/RestTokenAuthorizerEvent.md"}');
const _sfc_main = { name: "api/@gatehouse/policy/interfaces/RestTokenAuthorizerEvent.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="interface-resttokenauthorizerevent" tabindex="-1">Interface: RestTokenAuthorizerEvent <a class="header-anchor" href="#interface-resttokenauthorizerevent" aria-label="Permalink to &quot;Interface: RestTokenAuthorizerEvent&quot;">​</a></h1><p>The event of a REST API <code>TOKEN</code> Lambda authorizer: the raw value of the identity-source header (typically <code>Authorization</code>, including any <code>Bearer </code> prefix) and the ARN of the invoked method. Assignable to <code>APIGatewayTokenAuthorizerEvent</code> from <code>@types/aws-lambda</code>.</p><h2 id="example" tabindex="-1">Example <a class="header-anchor" href="#example" aria-label="Permalink to &quot;Example&quot;">​</a></h2><div class="language-ts vp-adaptive-theme"><button title="Copy Code" class="copy"></button><span class="lang">ts</span><pre class="shiki shiki-themes github-light github-dark vp-code" tabindex="0"><code><span class="line"><span style="--shiki-light:#D73A49;--shiki-dark:#F97583;">const</span><span style="--shiki-light:#005CC5;--shiki-dark:#79B8FF;"> event</span><span style="--shiki-light:#D73A49;--shiki-dark:#F97583;">:</span><span style="--shiki-light:#6F42C1;--shiki-dark:#B392F0;"> RestTokenAuthorizerEvent</span><span style="--shiki-light:#D73A49;--shiki-dark:#F97583;"> =</span><span style="--shiki-light:#24292E;--shiki-dark:#E1E4E8;"> {</span></span>
<span class="line"><span style="--shiki-light:#24292E;--shiki-dark:#E1E4E8;">  type: </span><span style="--shiki-light:#032F62;--shiki-dark:#9ECBFF;">&quot;TOKEN&quot;</span><span style="--shiki-light:#24292E;--shiki-dark:#E1E4E8;">,</span></span>
<span class="line"><span style="--shiki-light:#24292E;--shiki-dark:#E1E4E8;">  authorizationToken: </span><span style="--shiki-light:#032F62;--shiki-dark:#9ECBFF;">&quot;Bearer eyJhbGciOi...&quot;</span><span style="--shiki-light:#24292E;--shiki-dark:#E1E4E8;">,</span></span>
<span class="line"><span style="--shiki-light:#24292E;--shiki-dark:#E1E4E8;">  methodArn: </span><span style="--shiki-light:#032F62;--shiki-dark:#9ECBFF;">&quot;arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/prod/GET/pets&quot;</span><span style="--shiki-light:#24292E;--shiki-dark:#E1E4E8;">,</span></span>
<span class="line"><span style="--shiki-light:#24292E;--shiki-dark:#E1E4E8;">};</span></span></code></pre></div><h2 id="see" tabindex="-1">See <a class="header-anchor" href="#see" aria-label="Permalink to &quot;See&quot;">​</a></h2><p><a href="https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-lambda-authorizer-input.html" target="_blank" rel="noreferrer">https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-lambda-authorizer-input.html</a></p><h2 id="properties" tabindex="-1">Properties <a class="header-anchor" href="#properties" aria-label="Permalink to &quot;Properties&quot;">​</a></h2><table tabindex="0"><thead><tr><th>Property</th><th>Type</th></tr></thead><tbody><tr><td><a id="property-authorizationtoken"></a> <code>authorizationToken</code></td><td><code>string</code></td></tr><tr><td><a id="property-methodarn"></a> <code>methodArn</code></td><td><code>string</code></td></tr><tr><td><a id="property-type"></a> <code>type</code></td><td><code>&quot;TOKEN&quot;</code></td></tr><tr><td><a id="property-version"></a> <code>version?</code></td><td><code>undefined</code></td></tr></tbody></table></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/policy/interfaces/RestTokenAuthorizerEvent.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const RestTokenAuthorizerEvent = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  RestTokenAuthorizerEvent as default
};
