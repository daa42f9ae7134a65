<?php
// Glide's documented signature written in PHP, so that PHP's own ksort() and
// http_build_query() settle the byte rules (key order, urlencode, true/false/null).
// stdin: JSON list of {id, input: {key, path, params: [[k, v], ...]}};
// stdout: JSON list of {id, ok: md5 hex}.
$cases = json_decode(stream_get_contents(STDIN), true);
$out = [];
foreach ($cases as $c) {
    $i = $c['input'];
    $params = [];
    foreach ($i['params'] as $kv) {
        $params[$kv[0]] = $kv[1];
    }
    unset($params['s']);
    ksort($params);
    $out[] = ['id' => $c['id'],
              'ok' => md5($i['key'] . ':' . ltrim($i['path'], '/') . '?' . http_build_query($params))];
}
echo json_encode($out, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE);
