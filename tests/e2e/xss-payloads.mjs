import { feedJson } from './helpers.mjs';

// An XSS corpus in the spirit of the OWASP XSS filter-evasion cheat sheet: script tags, event
// handlers, javascript:/data:/vbscript: URLs in many cases and encodings, SVG and MathML
// namespace tricks, <noscript> and mutation-XSS patterns, srcdoc, CSS expression(), and broken
// markup. Payloads only ever try to call alert/confirm/prompt or set window.__pwned.
export const PAYLOADS = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=http://xss.invalid/xss.js></SCRIPT>',
  '<IMG SRC="javascript:alert(\'XSS\');">',
  '<IMG SRC=javascript:alert(\'XSS\')>',
  '<IMG SRC=JaVaScRiPt:alert(\'XSS\')>',
  '<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>',
  '<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>',
  '<IMG SRC="jav\tascript:alert(\'XSS\');">',
  '<IMG SRC="jav&#x0A;ascript:alert(\'XSS\');">',
  '<IMG SRC=" &#14;  javascript:alert(\'XSS\');">',
  '<img src=x onerror="window.__pwned=1">',
  '<img src=x onerror=alert(1)//',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">XSS</text></a></svg>',
  '<svg><animate onbegin=alert(1) attributeName=x dur=1s>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<math href="javascript:alert(1)">CLICK</math>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
  '<body onload=alert(1)>',
  '<div style="background-image: url(javascript:alert(1))">x</div>',
  '<div style="width: expression(alert(1));">x</div>',
  '<style>@import \'http://xss.invalid/xss.css\';</style>',
  '<link rel="stylesheet" href="javascript:alert(1)">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1);">',
  '<base href="javascript:alert(1)//">',
  '<a href="javascript:alert(1)">click</a>',
  '<a href="JaVaScRiPt:alert(1)">click</a>',
  '<a href="&#106;avascript:alert(1)">click</a>',
  '<a href="jAvAsCrIpT&colon;alert&lpar;1&rpar;">click</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">click</a>',
  '<a href="vbscript:msgbox(1)">click</a>',
  '<a href=" javascript:alert(1)">click</a>',
  '<a href="java&#09;script:alert(1)">click</a>',
  '<a href="#" onclick="alert(1)">click</a>',
  '<a href="https://ok.invalid/" onmouseover="alert(1)" style="color:red" target="_self">ok</a>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
  '<template><script>alert(1)</script></template>',
  '<form action="javascript:alert(1)"><button>x</button></form>',
  '<button formaction="javascript:alert(1)">x</button>',
  '<input onfocus=alert(1) autofocus>',
  '<details open ontoggle=alert(1)>',
  '<video><source onerror="alert(1)">',
  '<audio src=x onerror=alert(1)>',
  '<marquee onstart=alert(1)>',
  '<xss onpointerover=alert(1) style=display:block>hover',
  '<isindex action=javascript:alert(1) type=image>',
  '"><script>alert(1)</script>',
  '\'><img src=x onerror=alert(1)>',
  '</textarea><script>alert(1)</script>',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '<<SCRIPT>alert("XSS");//<</SCRIPT>',
  '<IMG """><SCRIPT>alert("XSS")</SCRIPT>">',
  '<p id="x" onclick="alert(1)" style="color:red" class="evil">styled</p>',
  '<img src="https://ok.invalid/a.png" alt="x" onload="alert(1)" srcset="javascript:alert(1)">',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'JaVaScRiPt:alert(1)',
  'vbscript:msgbox(1)',
];

/** A feed with every payload in every text, URL and HTML field. */
export function corpus() {
  const items = [];
  PAYLOADS.forEach((p, i) => {
    const iom = {
      dateline: p, region: p, release_type: p, image_caption: p, image_credit: p,
      contacts: [{ name: p, office: p, phone: ['+41 22 717 9111'], email: 'media@iom.int' }],
      translations: { fr: `https://www.iom.int/fr/xss-${i}` },
    };
    // Payloads in every text and HTML field, with good URLs, so the item is shown.
    items.push({
      id: `xss-html-${i}`, title: p, summary: p, content_html: p, tags: [p],
      url: 'https://www.iom.int/news', image: 'https://www.iom.int/a.jpg', _iom: iom,
    });
    items.push({ id: `xss-text-${i}`, title: p, content_text: `${p}\n\n${p} https://www.iom.int/ ${p}` });
    // Payloads as URLs inside HTML, and in attributes.
    items.push({
      id: `xss-href-${i}`, title: `href ${i}`,
      content_html: `<p><a href="${p}">link</a> <img src="${p}" alt="${p}"> <a href='${p}' title='${p}'>two</a></p>`,
    });
    // Payloads in every URL field: core rejects the item (reported in the console) unless the
    // payload is a harmless URL.
    items.push({
      id: `xss-url-${i}`, title: `url ${i}`, content_text: 'x', url: p, external_url: p, image: p,
      banner_image: p, authors: [{ name: 'a', url: p, avatar: p }],
      _iom: { translations: { fr: p }, contacts: [{ name: 'c', email: p, phone: [p] }] },
    });
  });
  return feedJson(items, { title: 'XSS corpus', home_page_url: PAYLOADS[27], next_url: PAYLOADS[0] });
}
