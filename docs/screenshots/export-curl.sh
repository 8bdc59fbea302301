# The request was never sent: Chrome recorded only the headers the page set. Origin is added as Chrome would send it.
# Host, Content-Length, Connection and Accept-Encoding are left out: the client computes its own.

# Preflight OPTIONS, as Chrome sent it; its response failed the CORS check
curl -i -X OPTIONS 'http://127.0.0.1:33781/c/t-three-headers-one-allowed/a?n=export' \
  -H 'Accept: */*' \
  -H 'Accept-Language: en-US,en;q=0.9' \
  -H 'Access-Control-Request-Headers: x-alpha,x-mid,x-zeta' \
  -H 'Access-Control-Request-Method: GET' \
  -H 'Origin: http://127.0.0.1:37085' \
  -H 'Referer: http://127.0.0.1:37085/' \
  -H 'Sec-Fetch-Dest: empty' \
  -H 'Sec-Fetch-Mode: cors' \
  -H 'Sec-Fetch-Site: same-site' \
  -H 'User-Agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36'

# Request GET, rebuilt from the headers the page set
curl -i 'http://127.0.0.1:33781/c/t-three-headers-one-allowed/a?n=export' \
  -H 'Origin: http://127.0.0.1:37085' \
  -H 'X-Zeta: 1' \
  -H 'X-Alpha: 1' \
  -H 'sec-ch-ua-platform: "Linux"' \
  -H 'Referer: http://127.0.0.1:37085/' \
  -H 'sec-ch-ua: "Not:A-Brand";v="8", "Chromium";v="156"' \
  -H 'sec-ch-ua-mobile: ?0' \
  -H 'X-Mid: 1' \
  -H 'User-Agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36' \
  -H 'Accept:'
