package cn.gongfu.notify;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP server on loopback that plays the chat robots, checking what each checks: DingTalk the {@code timestamp}
 * and {@code sign} of 加签 (errcode 310000 when the signature does not match), WeCom the {@code key}, the generic
 * webhook its HMAC header (401 when wrong); {@code /fail} always answers 500. It keeps every request it accepted. The
 * signatures are computed here independently of the application's code.
 */
final class LoopbackRobots implements AutoCloseable {

    static final String DING_SECRET = "SEC0123456789abcdef-test-secret";
    static final String GENERIC_SECRET = "generic-test-secret";
    static final String WECOM_KEY = "wecom-test-key-42";

    /** One accepted request: which robot, the JSON body, the generic webhook's delivery header. */
    record Received(String robot, JsonNode body, String delivery) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<String> refused = new ConcurrentLinkedQueue<>();
    private final HttpServer server;

    LoopbackRobots() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/dingtalk", this::dingTalk);
        server.createContext("/wecom", this::weCom);
        server.createContext("/generic", this::generic);
        server.createContext("/fail", ex -> answer(ex, 500, "{\"error\":\"down\"}"));
        server.createContext("/slow", ex -> {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(ex, 200, "{\"errcode\":0}");
        });
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<Received> of(String robot) {
        return received.stream().filter(r -> r.robot().equals(robot)).toList();
    }

    private void dingTalk(HttpExchange ex) throws IOException {
        Map<String, String> q = query(ex);
        String body = body(ex);
        String timestamp = q.get("timestamp");
        String sign = q.get("sign");
        if (timestamp == null || sign == null || !sign.equals(base64(hmac(DING_SECRET, timestamp + "\n" + DING_SECRET)))) {
            refused.add("dingtalk: sign");
            answer(ex, 200, "{\"errcode\":310000,\"errmsg\":\"sign not match\"}");
            return;
        }
        JsonNode json = JSON.readTree(body);
        if (!"markdown".equals(json.get("msgtype").asString()) || json.get("markdown").get("text") == null) {
            refused.add("dingtalk: body");
            answer(ex, 200, "{\"errcode\":40035,\"errmsg\":\"bad body\"}");
            return;
        }
        received.add(new Received("dingtalk", json, null));
        answer(ex, 200, "{\"errcode\":0,\"errmsg\":\"ok\"}");
    }

    private void weCom(HttpExchange ex) throws IOException {
        String body = body(ex);
        if (!WECOM_KEY.equals(query(ex).get("key"))) {
            refused.add("wecom: key");
            answer(ex, 200, "{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}");
            return;
        }
        JsonNode json = JSON.readTree(body);
        received.add(new Received("wecom", json, null));
        answer(ex, 200, "{\"errcode\":0,\"errmsg\":\"ok\"}");
    }

    private void generic(HttpExchange ex) throws IOException {
        String body = body(ex);
        String timestamp = ex.getRequestHeaders().getFirst("X-Gongfu-Timestamp");
        String signature = ex.getRequestHeaders().getFirst("X-Gongfu-Signature");
        String expected = "sha256=" + HexFormat.of().formatHex(hmac(GENERIC_SECRET, timestamp + "." + body));
        if (timestamp == null || !expected.equals(signature)) {
            refused.add("generic: signature");
            answer(ex, 401, "");
            return;
        }
        received.add(new Received("generic", JSON.readTree(body), ex.getRequestHeaders().getFirst("X-Gongfu-Delivery")));
        answer(ex, 204, null);
    }

    private static Map<String, String> query(HttpExchange ex) {
        Map<String, String> q = new HashMap<>();
        String raw = ex.getRequestURI().getRawQuery();
        if (raw == null) return q;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) q.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return q;
    }

    private static String body(HttpExchange ex) throws IOException {
        return new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void answer(HttpExchange ex, int status, String body) throws IOException {
        if (body == null) {
            ex.sendResponseHeaders(status, -1);
        } else {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) ex.getResponseBody().write(bytes);
        }
        ex.close();
    }

    private static byte[] hmac(String key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
