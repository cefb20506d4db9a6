package dev.openrouter4j;

import com.fasterxml.jackson.databind.JavaType;
import dev.openrouter4j.api.account.ActivityItem;
import dev.openrouter4j.api.account.ActivityParams;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** {@code analytics}: {@code GET /activity}, usage per day and endpoint (a management key is required). */
public final class AnalyticsService {
  private static final JavaType ACTIVITY = Calls.dataList(ActivityItem.class);

  private final Calls calls;

  AnalyticsService(Calls calls) {
    this.calls = calls;
  }

  /** The last 30 completed UTC days. */
  public List<ActivityItem> activity() {
    return activity(ActivityParams.none(), RequestOptions.none());
  }

  /** One UTC day of the last 30. */
  public List<ActivityItem> activity(LocalDate date) {
    return activity(ActivityParams.builder().date(date).build(), RequestOptions.none());
  }

  public List<ActivityItem> activity(ActivityParams params) {
    return activity(params, RequestOptions.none());
  }

  public List<ActivityItem> activity(ActivityParams params, RequestOptions options) {
    return calls.data("GET", "activity", params.toQuery(), null, ACTIVITY, options);
  }

  public CompletableFuture<List<ActivityItem>> activityAsync() {
    return activityAsync(ActivityParams.none(), RequestOptions.none());
  }

  public CompletableFuture<List<ActivityItem>> activityAsync(LocalDate date) {
    return activityAsync(ActivityParams.builder().date(date).build(), RequestOptions.none());
  }

  public CompletableFuture<List<ActivityItem>> activityAsync(ActivityParams params) {
    return activityAsync(params, RequestOptions.none());
  }

  public CompletableFuture<List<ActivityItem>> activityAsync(ActivityParams params, RequestOptions options) {
    return calls.async(() -> activity(params, options));
  }
}
