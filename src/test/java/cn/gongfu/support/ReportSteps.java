package cn.gongfu.support;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A report's workflow through the API, for suites that need a report to reach a state and expect each step to succeed. */
public final class ReportSteps {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ReportSteps() {}

    /** Opens (or finds) the unit's report for the period and returns its id. */
    public static long open(MockMvc mvc, RequestPostProcessor who, long plan, long unit, String period) throws Exception {
        return json(mvc.perform(post("/api/v1/submissions").with(who).contentType(MediaType.APPLICATION_JSON)
                .content("{\"plan\":" + plan + ",\"unit\":" + unit + ",\"period\":\"" + period + "\"}"))).get("id").asLong();
    }

    /** One workflow step at the report's current version; {@code reason} may be null. */
    public static void act(MockMvc mvc, RequestPostProcessor who, long id, String action, String reason) throws Exception {
        int version = json(mvc.perform(get("/api/v1/submissions/{id}", id).with(who))).get("submission").get("version").asInt();
        Map<String, Object> body = new HashMap<>(Map.of("action", action, "version", version));
        if (reason != null) body.put("reason", reason);
        mvc.perform(post("/api/v1/submissions/{id}/actions", id).with(who).contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(body))).andExpect(status().isOk());
    }

    private static JsonNode json(ResultActions result) throws Exception {
        return JSON.readTree(result.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
