#!/bin/sh
test_description='TLS: the CAs trusted (tls.ca_file, CURL_CA_BUNDLE, SSL_CERT_FILE, the system), HTTP/2, gzip'
. "$(dirname "$0")/../test-lib.sh"

start_sandbox
sandbox_get me | jq . >expect.me

# A throwaway CA, a certificate for 127.0.0.1 it signed, and another CA.
make_ca () {
	openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=$1" \
		-keyout "$1.key" -out "$1.pem" 2>/dev/null
}
make_ca test-ca && make_ca other-ca &&
openssl req -newkey rsa:2048 -nodes -subj /CN=127.0.0.1 \
	-keyout server.key -out server.csr 2>/dev/null &&
printf "subjectAltName=IP:127.0.0.1\n" >san.ext &&
openssl x509 -req -in server.csr -CA test-ca.pem -CAkey test-ca.key -CAcreateserial \
	-days 2 -extfile san.ext -out server.pem 2>/dev/null ||
	{ echo "Bail out! cannot make the test certificates with openssl"; exit 1; }

# nginx terminates TLS (HTTP/2, gzip) in front of the sandbox on a free port.
sandbox_port=${SANDBOX_URL##*:}
mkdir -p nginx/tmp
port=$((20000 + $$ % 20000))
tries=0
while :; do
	cat >nginx/nginx.conf <<-EOF
	daemon on;
	pid $PWD/nginx/nginx.pid;
	error_log $PWD/nginx/error.log;
	events { worker_connections 64; }
	http {
		access_log off;
		client_body_temp_path $PWD/nginx/tmp/body;
		proxy_temp_path $PWD/nginx/tmp/proxy;
		fastcgi_temp_path $PWD/nginx/tmp/fastcgi;
		uwsgi_temp_path $PWD/nginx/tmp/uwsgi;
		scgi_temp_path $PWD/nginx/tmp/scgi;
		gzip on;
		gzip_proxied any;
		gzip_min_length 1;
		gzip_types application/json;
		server {
			listen 127.0.0.1:$port ssl http2;
			ssl_certificate $PWD/server.pem;
			ssl_certificate_key $PWD/server.key;
			ssl_protocols TLSv1.2 TLSv1.3;
			location / { proxy_pass http://127.0.0.1:$sandbox_port; }
		}
	}
	EOF
	nginx -e "$PWD/nginx/error.log" -p "$PWD/nginx" -c "$PWD/nginx/nginx.conf" 2>nginx/start.err && break
	tries=$((tries + 1))
	if test $tries -gt 20; then
		echo "Bail out! nginx did not start:"
		sed "s/^/# /" nginx/start.err
		exit 1
	fi
	port=$((port + 1))
done
stop_nginx () {
	kill "$(cat "$PWD/nginx/nginx.pid")" 2>/dev/null || :
}
test_cleanup_hooks="${test_cleanup_hooks:+$test_cleanup_hooks; }stop_nginx"
SYNCRO_BASE_URL=https://127.0.0.1:$port/api/v1
export SYNCRO_BASE_URL
unset SSL_CERT_FILE CURL_CA_BUNDLE SSL_CERT_DIR

mkdir -p "$XDG_CONFIG_HOME/syncro"
CONFIG=$XDG_CONFIG_HOME/syncro/config.yaml

test_expect_success 'without a CA that knows the server: exit 7, saying why and which CAs' '
	test_expect_code 7 syncro api /me >out 2>err &&
	grep "^syncro: TLS failure talking to the Syncro API for .GET /me.: .*certificate" err &&
	grep "the CAs trusted are in .'/etc/ssl/certs'. (the system.s hashed CA directory)" err
'

test_expect_success 'tls.ca_file: verified against that CA' '
	printf "tls:\n  ca_file: %s\n" "$PWD/test-ca.pem" >"$CONFIG" &&
	syncro api /me >out 2>err &&
	jq . out >actual &&
	test_cmp expect.me actual &&
	test ! -s err
'

test_expect_success 'tls.ca_file wins over CURL_CA_BUNDLE and SSL_CERT_FILE' '
	CURL_CA_BUNDLE=$PWD/other-ca.pem SSL_CERT_FILE=$PWD/other-ca.pem syncro api /me >out &&
	jq . out >actual &&
	test_cmp expect.me actual &&
	rm "$CONFIG"
'

test_expect_success 'SSL_CERT_FILE is honoured' '
	SSL_CERT_FILE=$PWD/test-ca.pem syncro api /me >out &&
	jq . out >actual &&
	test_cmp expect.me actual
'

test_expect_success 'CURL_CA_BUNDLE is honoured and wins over SSL_CERT_FILE' '
	CURL_CA_BUNDLE=$PWD/test-ca.pem SSL_CERT_FILE=$PWD/other-ca.pem syncro api /me >out &&
	jq . out >actual &&
	test_cmp expect.me actual &&
	CURL_CA_BUNDLE=$PWD/other-ca.pem SSL_CERT_FILE=$PWD/test-ca.pem \
		test_expect_code 7 syncro api /me 2>err &&
	grep "the CAs trusted are in .$PWD/other-ca.pem. (CURL_CA_BUNDLE)" err
'

test_expect_success 'doctor names the CA source, and a failed verification' '
	SSL_CERT_FILE=$PWD/test-ca.pem syncro doctor >out 2>err &&
	grep "^TLS CAs:      $PWD/test-ca.pem (SSL_CERT_FILE)$" out &&
	SSL_CERT_FILE=$PWD/other-ca.pem test_expect_code 7 syncro doctor >out 2>err &&
	grep "^TLS CAs:      $PWD/other-ca.pem (SSL_CERT_FILE)$" out &&
	grep "TLS failure .*certificate.*the CAs trusted are in .$PWD/other-ca.pem. (SSL_CERT_FILE)" err
'

test_expect_success 'HTTP/2 where the server offers it; a gzipped answer is read' '
	SSL_CERT_FILE=$PWD/test-ca.pem syncro api -v /me >out 2>trace &&
	jq . out >actual &&
	test_cmp expect.me actual &&
	grep -i "^> accept-encoding: .*gzip" trace &&
	grep "^< HTTP/2 200" trace &&
	grep -i "^< content-encoding: gzip" trace
'

test_done
