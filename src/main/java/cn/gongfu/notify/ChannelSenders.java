package cn.gongfu.notify;

import cn.gongfu.notify.Outbox.Channel;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends one outbox row on its channel. Email through Spring Mail (on only when {@code spring.mail.host} is set, so the
 * application starts without SMTP); robots over HTTP with timeouts and no redirects:
 * <ul>
 * <li>DingTalk custom robot: {@code msgtype} markdown; with a 加签 secret, {@code &timestamp=<ms>&sign=<s>} is appended,
 *     s = URL-encoded Base64 of HMAC-SHA256(secret, timestamp + "\n" + secret); the answer's {@code errcode} must be 0;</li>
 * <li>WeCom group robot: {@code msgtype} markdown to its URL with {@code key}; {@code errcode} must be 0;</li>
 * <li>generic: the notice as JSON, {@code X-Gongfu-Timestamp: <ms>} and {@code X-Gongfu-Signature: sha256=<hex of
 *     HMAC-SHA256(secret, timestamp + "." + body)>}, {@code X-Gongfu-Delivery: <dedup key>}; any 2xx answer is success.</li>
 * </ul>
 * A failure's text names what happened (HTTP status, timeout, refused, the robot's errcode) in words, never the address,
 * the secret or a Java exception's name.
 */
@Component
class ChannelSenders {

    static final String SIGNATURE = "X-Gongfu-Signature";
    static final String TIMESTAMP = "X-Gongfu-Timestamp";
    static final String DELIVERY = "X-Gongfu-Delivery";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What a send needs: the row's content and, for a robot, its address and secret. */
    record Message(long id, Channel channel, String destination, String subject, String body, String link, String noticeKey,
                   NoticeKind kind, String dedupKey) {}

    /** A send that did not succeed; its message is safe to show on the delivery log. */
    static class SendFailure extends Exception {
        SendFailure(String message) {
            super(message);
        }
    }

    private final ObjectProvider<JavaMailSender> mail;
    private final MessageSource messages;
    private final Clock clock;
    private final HttpClient http;
    private final Duration timeout;
    private final String from;
    private final String baseUrl;
    private final Locale language;

    ChannelSenders(ObjectProvider<JavaMailSender> mail, MessageSource messages, Clock clock,
                   @Value("${gongfu.notify.outbox.timeout:PT10S}") Duration timeout,
                   @Value("${gongfu.notify.mail.from:gongfu@localhost}") String from,
                   @Value("${gongfu.notify.base-url:}") String baseUrl,
                   @Value("${gongfu.notify.language:zh-CN}") String language) {
        this.mail = mail;
        this.messages = messages;
        this.clock = clock;
        this.timeout = timeout;
        this.from = from;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.language = Locale.forLanguageTag(language);
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Whether the email channel is on: a mail host is configured ({@code spring.mail.host}). */
    boolean emailEnabled() {
        return mail.getIfAvailable() != null;
    }

    void email(Message m) throws SendFailure {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) throw new SendFailure("email channel off: no spring.mail.host");
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(m.destination());
        message.setSubject(m.subject());
        message.setText(m.body() + (m.link() == null ? "" : "\n\n" + link(m.link())));
        try {
            sender.send(message);
        } catch (org.springframework.mail.MailAuthenticationException e) {
            throw new SendFailure("SMTP authentication failed");
        } catch (MailException e) {
            throw new SendFailure("SMTP send failed");
        }
    }

    void robot(Message m, Robots.Endpoint robot) throws SendFailure {
        long timestamp = clock.millis();
        String markdown = markdown(m);
        switch (robot.kind()) {
            case DINGTALK -> {
                String url = robot.webhookUrl();
                if (robot.secret() != null) {
                    url += (url.contains("?") ? "&" : "?") + "timestamp=" + timestamp + "&sign="
                            + URLEncoder.encode(dingTalkSign(timestamp, robot.secret()), StandardCharsets.UTF_8);
                }
                String body = JSON.writeValueAsString(Map.of("msgtype", "markdown", "markdown", Map.of("title", m.subject(), "text", markdown)));
                expectErrcodeZero(post(url, body, Map.of()));
            }
            case WECOM -> {
                String body = JSON.writeValueAsString(Map.of("msgtype", "markdown", "markdown", Map.of("content", markdown)));
                expectErrcodeZero(post(robot.webhookUrl(), body, Map.of()));
            }
            case GENERIC -> {
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("delivery", m.dedupKey());
                payload.put("kind", m.kind().name());
                payload.put("key", m.noticeKey());
                payload.put("subject", m.subject());
                payload.put("text", m.body());
                payload.put("link", m.link() == null ? null : link(m.link()));
                String body = JSON.writeValueAsString(payload);
                Map<String, String> headers = new LinkedHashMap<>();
                headers.put(TIMESTAMP, Long.toString(timestamp));
                headers.put(DELIVERY, m.dedupKey());
                if (robot.secret() != null) headers.put(SIGNATURE, "sha256=" + genericSign(timestamp, body, robot.secret()));
                post(robot.webhookUrl(), body, headers);
            }
            default -> throw new SendFailure("not a robot channel: " + robot.kind());
        }
    }

    /** DingTalk's 加签: Base64 of HMAC-SHA256 keyed with the secret over {@code timestamp + "\n" + secret} (not yet URL-encoded). */
    static String dingTalkSign(long timestamp, String secret) {
        return Base64.getEncoder().encodeToString(hmac(secret, timestamp + "\n" + secret));
    }

    /** The generic webhook's signature: lower-case hex of HMAC-SHA256 keyed with the secret over {@code timestamp + "." + body}. */
    static String genericSign(long timestamp, String body, String secret) {
        return HexFormat.of().formatHex(hmac(secret, timestamp + "." + body));
    }

    private static byte[] hmac(String secret, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String markdown(Message m) {
        String open = messages.getMessage("outbox.open", null, language);
        return "**" + m.subject() + "**\n\n" + m.body() + (m.link() == null ? "" : "\n\n[" + open + "](" + link(m.link()) + ")");
    }

    private String link(String path) {
        return path.startsWith("/") ? baseUrl + path : path;
    }

    private String post(String url, String body, Map<String, String> headers) throws SendFailure {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new SendFailure("not a valid address");
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() / 100 != 2) throw new SendFailure("HTTP " + response.statusCode());
            return response.body();
        } catch (HttpTimeoutException e) {
            throw new SendFailure("timed out after " + timeout.toSeconds() + " s");
        } catch (java.net.ConnectException e) {
            throw new SendFailure("connection refused");
        } catch (java.net.UnknownHostException e) {
            throw new SendFailure("unknown host");
        } catch (IOException e) {
            throw new SendFailure("connection failed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SendFailure("interrupted");
        }
    }

    /** DingTalk and WeCom answer 200 with {@code {"errcode": 0, "errmsg": "ok"}}; any other errcode is a failure. */
    private static void expectErrcodeZero(String answer) throws SendFailure {
        JsonNode node;
        try {
            node = JSON.readTree(answer);
        } catch (RuntimeException e) {
            throw new SendFailure("answer is not JSON");
        }
        JsonNode code = node == null ? null : node.get("errcode");
        if (code == null || code.asInt(-1) != 0) {
            String msg = node != null && node.get("errmsg") != null ? node.get("errmsg").asString() : "";
            throw new SendFailure("errcode " + (code == null ? "missing" : code.asString()) + " " + Outbox.cut(msg, 100));
        }
    }
}
