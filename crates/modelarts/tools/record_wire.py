"""Records what the official ModelArts Python SDK sends, for the conformance harness.

Runs huaweicloudsdkmodelarts 3.1.219 (with huaweicloudsdkcore 3.1.219) against a
recording server on 127.0.0.1:18472 with the fixed settings of
tests/fixtures/wire/modelarts.jsonl (keys ak-test/sk-test, project id
0123456789abcdef0123456789abcdef, token token-test, X-Sdk-Date pinned to
20231114T221320Z by replacing the signer module's clock) and prints one line
per case in the same format. Its inputs differ from modelarts.jsonl's: ids
with sub-delimiters but no '/', nested free-form maps, white space that only
Python strips, 53-bit+ integers, U+2028 and DEL in bodies.

    python -m venv /tmp/hw && /tmp/hw/bin/pip install huaweicloudsdkmodelarts==3.1.219
    /tmp/hw/bin/python tools/record_wire.py > ../../tests/fixtures/wire/modelarts-extra.jsonl
"""
import json, threading, datetime as dt, sys
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import unquote
import huaweicloudsdkcore.signer.signer as S
class FixedDT(dt.datetime):
    @classmethod
    def utcnow(cls): return dt.datetime(2023, 11, 14, 22, 13, 20)
S.datetime = FixedDT
from huaweicloudsdkcore.auth.credentials import BasicCredentials
from huaweicloudsdkcore.http.http_config import HttpConfig
import huaweicloudsdkmodelarts.v1 as m

got = []
class H(BaseHTTPRequestHandler):
    def _h(self):
        n = int(self.headers.get('content-length') or 0)
        body = self.rfile.read(n) if n else b''
        path, _, query = self.path.partition('?')
        hdrs = {k.lower(): v.encode('latin-1').decode('utf-8', 'replace') for k, v in self.headers.items() if k.lower() not in ('accept-encoding', 'accept', 'connection')}
        qp = [[unquote(a), unquote(b)] for a, _, b in (x.partition('=') for x in query.split('&') if x)]
        try: parsed = json.loads(body) if body else ''
        except Exception: parsed = body.decode()
        got.append(dict(method=self.command, path=path, query=query, query_params=qp, headers=hdrs, body=parsed, body_raw=body.decode('utf-8')))
        self.send_response(200); self.send_header('Content-Type', 'application/json'); self.send_header('X-Request-Id', 'r'); self.send_header('Content-Length', '2'); self.end_headers(); self.wfile.write(b'{}')
    do_GET = do_POST = do_PUT = _h
    def log_message(self, *a): pass
srv = HTTPServer(('127.0.0.1', 18472), H)
threading.Thread(target=srv.serve_forever, daemon=True).start()

P = '0123456789abcdef0123456789abcdef'
def client(creds='fixed'):
    ak = '' if creds == 'empty_ak' else 'ak-test'
    c = BasicCredentials(ak, 'sk-test', None if creds == 'no_project_id' else P)
    if creds == 'sts': c = c.with_security_token('token-test')
    cfg = HttpConfig.get_default_config(); cfg.user_agent = 'os/Linux#held#x86_64'
    return m.ModelArtsClient.new_builder().with_credentials(c).with_endpoints(['http://127.0.0.1:18472']).with_http_config(cfg).build()

def mk_body(op, b):
    if b is None: return None
    if op == 'create_notebook_tags':
        return m.CreateTmsTagsRequest(tags=[m.TmsTag(**t) for t in b['tags']] if 'tags' in b else None)
    if op == 'create_workflow_service_auth':
        kw = dict(b); 
        if 'consume' in kw: kw['consume'] = m.WorkflowConsume(**kw['consume'])
        return m.WorkflowMainServiceAuthReq(**kw)
    if op == 'create_workflow_schedule':
        kw = dict(b)
        if 'policies' in kw: kw['policies'] = m.WorkflowSchedulePolicies(**kw['policies'])
        return m.WorkflowSchedule(**kw)
    if op == 'update_workflow_schedule':
        return m.WorkflowScheduleUpdate(**b)
REQ = dict(show_auto_search_yaml_templates_info='ShowAutoSearchYamlTemplatesInfoRequest', create_notebook_tags='CreateNotebookTagsRequest', list_pool_nodes='ListPoolNodesRequest', show_pool='ShowPoolRequest', create_workflow_service_auth='CreateWorkflowServiceAuthRequest', create_workflow_schedule='CreateWorkflowScheduleRequest', show_workflow_schedule='ShowWorkflowScheduleRequest', update_workflow_schedule='UpdateWorkflowScheduleRequest', show_workflows_todolist='ShowWorkflowsTodolistRequest', list_workflows='ListWorkflowsRequest')

cases = [
 ('show_auto_search_yaml_templates_info', 'full', {}, 'fixed'),
 ('show_auto_search_yaml_templates_info', 'sts', {}, 'sts'),
 ('create_notebook_tags', 'full', {'resource_id': 'nb-7f3c', 'workspace_id': 'ws-9', 'body': {'tags': [{'key': 'team', 'value': 'vision'}]}}, 'fixed'),
 ('create_notebook_tags', 'escaping', {'resource_id': 'nb+1 笔记=本&x', 'workspace_id': 'ws a&b=c+d/e#f', 'body': {'tags': [{'key': '键 "q" \\ <&>', 'value': 'line\x01\x7f\u2028 😀'}]}}, 'fixed'),
 ('create_notebook_tags', 'no_body', {'resource_id': 'nb-1'}, 'fixed'),
 ('create_notebook_tags', 'empty_tag_list', {'resource_id': 'nb-1', 'body': {'tags': []}}, 'fixed'),
 ('list_pool_nodes', 'full', {'pool_name': 'pool-b1', '_continue': 'tok==', 'limit': 500}, 'fixed'),
 ('list_pool_nodes', 'escaping', {'pool_name': 'pool a+b:c;d,e@f$g 池', '_continue': 'x y+z/=&#', 'limit': 1}, 'fixed'),
 ('list_pool_nodes', 'sts', {'pool_name': 'pool-b1', 'limit': 0}, 'sts'),
 ('show_pool', 'full', {'pool_name': 'pool-b1', 'x_model_arts_user_id': '\u3000\x1c u-1 \t'}, 'fixed'),
 ('show_pool', 'header_non_ascii', {'pool_name': 'pool-b1', 'x_model_arts_user_id': 'Ünïcode 用户'}, 'fixed'),
 ('create_workflow_service_auth', 'full', {'body': {'main_service_id': 'ms', 'content_id': 'ç', 'consume': {'period': 'month', 'value': 9007199254740993}}}, 'fixed'),
 ('create_workflow_service_auth', 'minimal', {'body': {}}, 'fixed'),
 ('create_workflow_service_auth', 'no_body', {}, 'sts'),
 ('create_workflow_schedule', 'full', {'workflow_id': 'wf-2', 'body': {'created_at': 'c', 'policies': {'on_running': 'skip'}, 'uuid': 'u', 'enable': False, 'user_id': 'x', 'workflow_id': 'wf-2', 'action': 'run', 'content': {'z': 1, 'a': {'y': [1, 2.5, None, True], 'b': 'é'}, 'm': None}, 'type': 'time'}}, 'fixed'),
 ('create_workflow_schedule', 'escaping', {'workflow_id': 'wf %41 é+', 'body': {'content': {'cron': '0 */5 * * * ? 注'}}}, 'fixed'),
 ('show_workflow_schedule', 'full', {'workflow_id': 'wf-2', 'schedule_id': 's %20 ?x=y&z 调度'}, 'fixed'),
 ('update_workflow_schedule', 'full', {'workflow_id': 'wf-2', 'schedule_id': 'sch', 'body': {'enable': True, 'content': {'method': 'fixed', 'cron': '1'}}}, 'fixed'),
 ('update_workflow_schedule', 'sts', {'workflow_id': 'wf-2', 'schedule_id': 'sch', 'body': {}}, 'sts'),
 ('show_workflows_todolist', 'escaping', {'workspace_id': '%zz % +'}, 'fixed'),
 ('show_workflows_todolist', 'empty_workspace_id_sent', {'workspace_id': ''}, 'fixed'),
 ('list_workflows', 'full', {'name': 'n', 'description': 'd d', 'status': 'running', 'labels': 'l1,l2', 'template_id': 't', 'limit': '5', 'offset': '0', 'sort_by': 'name', 'search_type': 'equal'}, 'fixed'),
 ('list_workflows', 'escaping', {'name': '~!*()\'', 'description': '\t\n', 'labels': 'é'}, 'sts'),
 ('show_pool', 'invalid_header_crlf', {'pool_name': 'p', 'x_model_arts_user_id': 'a\r\nb: c'}, 'fixed'),
 ('show_workflows_todolist', 'invalid_empty_ak', {'workspace_id': '0'}, 'empty_ak'),
]
out = []
for op, case, inp, creds in cases:
    kw = dict(inp); body = mk_body(op, kw.pop('body', None))
    if body is not None: kw['body'] = body
    req = getattr(m, REQ[op])(**kw)
    got.clear()
    line = dict(service='modelarts', op=op, case=case, sdk='huaweicloudsdkmodelarts-3.1.219', input=inp)
    if creds in ('sts', 'no_project_id'): line['credentials'] = creds
    try:
        getattr(client(creds), op)(req)
    except Exception as e:
        line['client_error'] = '%s: %s' % (type(e).__name__, e)
    if got: line['request'] = got[0]
    out.append(json.dumps(line, ensure_ascii=False))
print('\n'.join(out))
