package dev.openrouter4j.api.account;

import dev.openrouter4j.api.QueryParams;
import java.time.LocalDate;
import java.util.Map;

/** The query of {@code GET /activity}. Only what is set is sent; by default the last 30 UTC days. */
public final class ActivityParams {
  private static final ActivityParams NONE = builder().build();

  private final Map<String, String> query;

  private ActivityParams(Map<String, String> query) {
    this.query = query;
  }

  public static ActivityParams none() {
    return NONE;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Parameter name to value, in the order they were set. */
  public Map<String, String> toQuery() {
    return query;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ActivityParams p && p.query.equals(query);
  }

  @Override
  public int hashCode() {
    return query.hashCode();
  }

  @Override
  public String toString() {
    return "ActivityParams" + query;
  }

  public static final class Builder {
    private final QueryParams query = new QueryParams();

    private Builder() {}

    /** One UTC day of the last 30, sent as {@code YYYY-MM-DD}. */
    public Builder date(LocalDate v) { query.set("date", v); return this; }
    /** Only this key's activity (its hash, as the keys API returns it). */
    public Builder apiKeyHash(String v) { query.set("api_key_hash", v); return this; }
    /** Only this organization member's activity. */
    public Builder userId(String v) { query.set("user_id", v); return this; }
    /** Only this workspace's activity (UUID). */
    public Builder workspaceId(String v) { query.set("workspace_id", v); return this; }
    /** {@code group_by=workspace}: one row per workspace, each with its {@code workspace_id}. */
    public Builder groupByWorkspace(boolean v) { query.set("group_by", v ? "workspace" : null); return this; }

    public ActivityParams build() {
      return new ActivityParams(query.toMap());
    }
  }
}
