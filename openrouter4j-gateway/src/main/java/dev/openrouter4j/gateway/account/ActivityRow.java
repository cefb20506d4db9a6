package dev.openrouter4j.gateway.account;

import java.time.LocalDate;

/** GET /api/v1/activity: one UTC day's totals for one model and provider. */
public record ActivityRow(
    LocalDate date, String model, String provider, long requests, long promptTokens, long completionTokens, long reasoningTokens, double usage) {}
