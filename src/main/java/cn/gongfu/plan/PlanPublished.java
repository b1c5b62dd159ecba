package cn.gongfu.plan;

/** A plan was stored, published, for its region; {@code previousPlanId} is the plan it revises, if any. */
record PlanPublished(long planId, String regionCode, String title, Long previousPlanId) {

    /** Where the plan is read. */
    public String link() {
        return "/plans/" + planId;
    }
}
