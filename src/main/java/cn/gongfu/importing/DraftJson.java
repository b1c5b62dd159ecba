package cn.gongfu.importing;

import cn.gongfu.plan.PlanDraft;
import tools.jackson.databind.json.JsonMapper;

/** A corrected draft as it is kept on its import: the {@link PlanDraft} as JSON, read back exactly (numbers as decimals). */
final class DraftJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DraftJson() {}

    static String write(PlanDraft draft) {
        return JSON.writeValueAsString(draft);
    }

    static PlanDraft read(String json) {
        return JSON.readValue(json, PlanDraft.class);
    }
}
