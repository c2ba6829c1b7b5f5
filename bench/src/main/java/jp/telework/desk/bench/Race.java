package jp.telework.desk.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import org.HdrHistogram.Histogram;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * N clients firing one request each at the same moment (a gate opens for all): one connection per
 * client, bounded by a per-request timeout of 60 s and an overall limit of 120 s.
 */
final class Race {
    record Outcome(Map<Integer, Integer> statuses, double allAnsweredS, Histogram latencyUs, int failures, List<String> samples) {
        int count(int status) {
            return statuses.getOrDefault(status, 0);
        }

        int count5xx() {
            return statuses.entrySet().stream().filter(e -> e.getKey() >= 500).mapToInt(Map.Entry::getValue).sum();
        }

        ObjectNode json() {
            ObjectNode o = Http.object();
            ObjectNode s = o.putObject("statuses");
            statuses.forEach((k, v) -> s.put(Integer.toString(k), v));
            o.put("transportFailures", failures);
            o.put("allAnsweredS", Results.round(allAnsweredS, 3));
            o.put("p50Ms", Results.round(latencyUs.getValueAtPercentile(50) / 1000.0, 1));
            o.put("p99Ms", Results.round(latencyUs.getValueAtPercentile(99) / 1000.0, 1));
            o.put("maxMs", Results.round(latencyUs.getMaxValue() / 1000.0, 1));
            return o;
        }
    }

    private Race() {
    }

    /**
     * request(i) builds client i's request. They share one HTTP/1.1 client, which opens one connection
     * per request in flight (nothing is idle to reuse when all start together): 1,000 connections.
     */
    static Outcome run(int clients, IntFunction<HttpRequest> request) {
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
                .connectTimeout(Duration.ofSeconds(20)).build();
        try {
            List<HttpRequest> requests = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                requests.add(request.apply(i));
            }
            Map<Integer, Integer> statuses = new TreeMap<>();
            Histogram h = new Histogram(120_000_000L, 3);
            int[] failures = {0};
            List<String> samples = new ArrayList<>();
            long[] last = {0};
            long start = System.nanoTime();
            List<CompletableFuture<Void>> all = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                long sent = System.nanoTime();
                all.add(client.sendAsync(requests.get(i), HttpResponse.BodyHandlers.ofString())
                        .handle((r, err) -> {
                            long now = System.nanoTime();
                            synchronized (statuses) {
                                last[0] = Math.max(last[0], now);
                                h.recordValue(Math.max(1, (now - sent) / 1000));
                                if (err != null) {
                                    failures[0]++;
                                    if (samples.size() < 5) {
                                        samples.add("transport: " + err);
                                    }
                                } else {
                                    statuses.merge(r.statusCode(), 1, Integer::sum);
                                    if (r.statusCode() >= 500 && samples.size() < 5) {
                                        samples.add(r.statusCode() + ": " + Http.abbreviate(r.body()));
                                    }
                                }
                            }
                            return null;
                        }));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
            return new Outcome(statuses, (last[0] - start) / 1e9, h, failures[0], samples);
        } catch (Exception e) {
            throw new BenchException("race did not finish: " + e, e);
        } finally {
            client.shutdownNow();
            executor.shutdownNow();
        }
    }

    static HttpRequest.Builder post(String url, String token, String body) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(body));
    }
}
