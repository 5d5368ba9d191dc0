"""Differential signing vectors for modelarts::sign.

Generates random requests that stress every SDK-HMAC-SHA256 trap (Python
white space, typed and repeated query values, list order on the request
line, header name case and underscores, Content-Type and preset
X-Sdk-Content-Sha256 combinations, percent sequences in paths, empty security
tokens and project ids) and signs each with Huawei's official Python SDK core,
recording the answers in the format of tests/data/modelarts-signing-public.jsonl.

    python -m venv /tmp/hw && /tmp/hw/bin/pip install huaweicloudsdkcore==3.1.219
    /tmp/hw/bin/python tools/differential_vectors.py SEED COUNT > cases.jsonl
    cargo run -p modelarts --example verify_modelarts_vectors -- cases.jsonl

The canonical request and string to sign are captured by wrapping two of the
signer's methods while it runs; nothing of the SDK is copied.
"""
import json, random, sys
from huaweicloudsdkcore.sdk_request import SdkRequest
from huaweicloudsdkcore.auth.credentials import BasicCredentials
from huaweicloudsdkcore.signer import signer as S

cap = {}
orig_cr = S.Signer._process_canonical_request
orig_sts = S.Signer._process_string_to_sign
def cr(self, request, signed_headers):
    r = orig_cr(self, request, signed_headers); cap['cr'] = r; return r
def sts(self, c, t):
    r = orig_sts(self, c, t); cap['sts'] = r; return r
S.Signer._process_canonical_request = cr
S.Signer._process_string_to_sign = sts

seed = int(sys.argv[1]); n = int(sys.argv[2])
R = random.Random(seed)
WS = [' ', '\t', '\x0b', '\x0c', '\x1c', '\x1d', '\x1e', '\x1f', '\x85', '\xa0', '\u1680', '\u2000', '\u2005', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\u200b', '\ufeff', '\u180e']
PIECES = ['abc', 'pool-1', 'a b', '中文', '😀', '%2F', '%252F', '%zz', '%', '%E4%B8%AD', '%e4%b8%ad', '+', '#', '?', '[x]', '.', '..', '', '~_-.', 'a%20b', "'", '"', '=', '&', ';', ':', '@', '%4', '%%41', 'é', '%C3', '%C3%A9', '%FF', '%C3é', 'é%A9', '%E4%B8', '%F0%9F%98%80', 'a%2fb', '%7Bproject_id%7D', '%00', '%0A']
def rstr(pool=None):
    pool = pool or ['a', 'b', 'Z', ' ', '=', '&', '%', '+', '/', '中', 'é', '😀', '-', '_', '.', '~', ':', '#', '?', '%20', '10', '9', 'true', '', '\t']
    return ''.join(R.choice(pool) for _ in range(R.randint(0, 4)))
def path():
    segs = [R.choice(PIECES) for _ in range(R.randint(0, 5))]
    p = '/'.join(segs)
    if R.random() < 0.85: p = '/' + p
    if R.random() < 0.2: p += '/'
    return p or '/v1'
def qvalue(kind):
    if kind == 's': return rstr()
    if kind == 'i': return R.randint(-20, 2000)
    if kind == 'b': return R.random() < 0.5
    if kind == 'ls': return [rstr() for _ in range(R.randint(0, 4))]
    if kind == 'li': return [R.randint(-20, 200) for _ in range(R.randint(0, 4))]
def query():
    q = []
    names = ['a', 'a-b', 'a=b', 'A', 'Z', 'z', 'app_ids', 'limit', 'offset', 'k', 'k%20', '中', 'é', 'a b', '', 'types']
    kinds = {}
    for _ in range(R.randint(0, 7)):
        nm = R.choice(names)
        kind = kinds.setdefault(nm, R.choice(['s', 's', 's', 'i', 'b', 'ls', 'li']))
        q.append([nm, qvalue(kind)])
    return q
def hname(base):
    return ''.join(c.upper() if R.random() < 0.5 else c.lower() for c in base)
def hvalue():
    v = R.choice(['application/json', 'x', '', 'token/+=', '张三', 'a  b', '😀', 'v\u3000w', '1'])
    if R.random() < 0.5: v = ''.join(R.choice(WS) for _ in range(R.randint(0, 3))) + v
    if R.random() < 0.5: v = v + ''.join(R.choice(WS) for _ in range(R.randint(0, 3)))
    return v
def headers():
    h = {}
    used = set()
    def put(k, v):
        if k.lower() in used: return
        used.add(k.lower()); h[k] = v
    put(hname('x-sdk-date'), '%04d%02d%02dT%02d%02d%02dZ' % (R.randint(2000, 2030), R.randint(1, 12), R.randint(1, 28), R.randint(0, 23), R.randint(0, 59), R.randint(0, 59)))
    r = R.random()
    if r < 0.3: put('Content-Type', R.choice(['application/json', 'application/json;charset=UTF-8', 'text/plain', 'Application/JSON', ' application/json', 'application/bson', 'application/jsonp', '', '  ', 'multipart/form-data', 'application/octet-stream']))
    elif r < 0.5: put(hname('content-type'), R.choice(['text/plain', 'application/json']))
    if R.random() < 0.25: put(hname('x-sdk-content-sha256'), R.choice(['UNSIGNED-PAYLOAD', 'abc', '', '  ', ' f41f ', 'é']))
    if R.random() < 0.2: put(hname('host'), R.choice(['example.com', ' h:1 ', 'HOST.x']))
    for _ in range(R.randint(0, 5)):
        put(R.choice([hname('x-request-id'), 'X_Custom_Header', hname('user-agent'), hname('accept'), 'x-display-name', 'X-Mixed_Name', hname('x-a'), hname('x-b'), '_lead', 'İ-x']), hvalue())
    return h
def body():
    r = R.random()
    if r < 0.4: return ''
    return R.choice(['{}', '[]', '{"a": "\\u4e2d"}', '{"a":"中"}', 'plain text', ' ', '{"tags": [{"key": "t", "value": "v"}]}', 'é'])

out = []
for i in range(n):
    method = R.choice(['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD'])
    host = R.choice(['modelarts.cn-north-4.myhuaweicloud.com', '127.0.0.1:18472', '[::1]:8443'])
    ak = R.choice(['ak-test', 'EQH524YNG5BY1A2ROGUB']); sk = R.choice(['sk-test', 'BBpiA84YrNbuBhOwc8fjOWOrOwd8S7Ba16j7pGLo'])
    token = R.choice([None, None, None, 'token-test', 'tok/+=', ''])
    project = R.choice([None, None, '0123456789abcdef0123456789abcdef', ''])
    case = dict(name='fuzz%d-%04d' % (seed, i), method=method, host=host, path=path(), query=query(), headers=headers(), body=body(), access_key=ak, secret_key=sk)
    if token is not None: case['security_token'] = token
    if project is not None: case['project_id'] = project
    creds = BasicCredentials(ak, sk, project if project else None)
    if token is not None: creds = creds.with_security_token(token)
    qp = [(k, list(v) if isinstance(v, list) else v) for k, v in case['query']]
    req = SdkRequest(method=method, schema='https', host=host, resource_path=case['path'], query_params=qp, header_params=dict(case['headers']), body=case['body'].encode('utf-8') if case['body'] else '')
    try:
        req = creds.sign_request(req)
    except Exception as e:
        continue
    auth = req.header_params['Authorization']
    def unmoji(v):
        try: return v.encode('iso-8859-1').decode('utf-8')
        except Exception: return v
    case['expected_signed_headers'] = auth.split('SignedHeaders=')[1].split(',')[0]
    case['expected_canonical_request'] = cap['cr']
    case['expected_string_to_sign'] = cap['sts']
    case['expected_authorization'] = auth
    case['expected_headers'] = {k: unmoji(v) for k, v in req.header_params.items()}
    case['expected_request_uri'] = req.uri
    out.append(json.dumps(case, ensure_ascii=False))
print('\n'.join(out))
