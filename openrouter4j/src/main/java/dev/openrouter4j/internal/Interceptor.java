package dev.openrouter4j.internal;

import java.io.IOException;

/**
 * One stage of the request pipeline, in the manner of OkHttp: do something to the call, hand it on
 * with {@link Chain#proceed}, do something to the response. The order is written once, in {@link
 * Pipeline}.
 */
public interface Interceptor {
  RawResponse intercept(Chain chain) throws IOException;

  interface Chain {
    HttpCall call();

    RawResponse proceed(HttpCall call) throws IOException;
  }
}
