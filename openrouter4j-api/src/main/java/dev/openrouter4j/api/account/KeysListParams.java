package dev.openrouter4j.api.account;

import dev.openrouter4j.api.QueryParams;
import java.util.Map;

/** The query of {@code GET /keys}. Only what is set is sent. */
public final class KeysListParams {
  private static final KeysListParams NONE = builder().build();

  private final Map<String, String> query;

  private KeysListParams(Map<String, String> query) {
    this.query = query;
  }

  public static KeysListParams none() {
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
    return o instanceof KeysListParams p && p.query.equals(query);
  }

  @Override
  public int hashCode() {
    return query.hashCode();
  }

  @Override
  public String toString() {
    return "KeysListParams" + query;
  }

  public static final class Builder {
    private final QueryParams query = new QueryParams();

    private Builder() {}

    /** How many keys to skip. */
    public Builder offset(Integer v) { query.set("offset", v); return this; }
    /** Also list disabled keys. */
    public Builder includeDisabled(Boolean v) { query.set("include_disabled", v); return this; }
    /** Keys of this workspace (UUID) rather than the default one. */
    public Builder workspaceId(String v) { query.set("workspace_id", v); return this; }

    public KeysListParams build() {
      return new KeysListParams(query.toMap());
    }
  }
}
