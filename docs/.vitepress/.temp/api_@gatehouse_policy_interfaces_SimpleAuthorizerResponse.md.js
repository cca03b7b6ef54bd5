import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Interface: SimpleAuthorizerResponse","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/policy/interfaces/SimpleAuthorizerResponse.md","filePath":"api/@gatehouse/policy/interfaces/SimpleAuthorizerResponse.md"}');
const _sfc_main = { name: "api/@gatehouse/policy/interfaces/SimpleAuthorizerResponse.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="interface-simpleauthorizerresponse" tabindex="-1">Interface: SimpleAuthorizerResponse <a class="header-anchor" href="#interface-simpleauthorizerresponse" aria-label="Permalink to &quot;Interface: SimpleAuthorizerResponse&quot;">​</a></h1><p>The simple response of an HTTP API (payload 2.0) Lambda authorizer with <code>enableSimpleResponses</code>. Assignable to <code>APIGatewaySimpleAuthorizerResult</code> from <code>@types/aws-lambda</code>.</p><p>A cached simple response applies to <strong>every route</strong> of the API for that identity, unless <code>$context.routeKey</code> is one of the authorizer&#39;s identity sources.</p><h2 id="example" tabindex="-1">Example <a class="header-anchor" href="#example" aria-label="Permalink to &quot;Example&quot;">​</a></h2><div class="language-ts vp-adaptive-theme"><button title="Copy Code" class="copy"></button><span class="lang">ts</span><pre class="shiki shiki-themes github-light github-dark vp-code" tabindex="0"><code><span class="line"><span style="--shiki-light:#D73A49;--shiki-dark:#F97583;">const</span><span style="--shiki-light:#005CC5;--shiki-dark:#79B8FF;"> response</span><span style="--shiki-light:#D73A49;--shiki-dark:#F97583;">:</span><span style="--shiki-light:#6F42C1;--shiki-dark:#B392F0;"> SimpleAuthorizerResponse</span><span style="--shiki-light:#D73A49;--shiki-dark:#F97583;"> =</span><span style="--shiki-light:#6F42C1;--shiki-dark:#B392F0;"> buildHttpV2SimpleAuthorizerResponse</span><span style="--shiki-light:#24292E;--shiki-dark:#E1E4E8;">({</span></span>
<span class="line"><span style="--shiki-light:#24292E;--shiki-dark:#E1E4E8;">  isAuthorized: </span><span style="--shiki-light:#005CC5;--shiki-dark:#79B8FF;">true</span><span style="--shiki-light:#24292E;--shiki-dark:#E1E4E8;">,</span></span>
<span class="line"><span style="--shiki-light:#24292E;--shiki-dark:#E1E4E8;">  context: { userId: </span><span style="--shiki-light:#032F62;--shiki-dark:#9ECBFF;">&quot;user-42&quot;</span><span style="--shiki-light:#24292E;--shiki-dark:#E1E4E8;">, groups: [</span><span style="--shiki-light:#032F62;--shiki-dark:#9ECBFF;">&quot;admin&quot;</span><span style="--shiki-light:#24292E;--shiki-dark:#E1E4E8;">] },</span></span>
<span class="line"><span style="--shiki-light:#24292E;--shiki-dark:#E1E4E8;">});</span></span></code></pre></div><h2 id="see" tabindex="-1">See <a class="header-anchor" href="#see" aria-label="Permalink to &quot;See&quot;">​</a></h2><p><a href="https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html" target="_blank" rel="noreferrer">https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html</a></p><h2 id="properties" tabindex="-1">Properties <a class="header-anchor" href="#properties" aria-label="Permalink to &quot;Properties&quot;">​</a></h2><table tabindex="0"><thead><tr><th>Property</th><th>Type</th></tr></thead><tbody><tr><td><a id="property-context"></a> <code>context?</code></td><td><code>Record</code>&lt;<code>string</code>, <code>unknown</code>&gt;</td></tr><tr><td><a id="property-isauthorized"></a> <code>isAuthorized</code></td><td><code>boolean</code></td></tr></tbody></table></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/policy/interfaces/SimpleAuthorizerResponse.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const SimpleAuthorizerResponse = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  SimpleAuthorizerResponse as default
};
