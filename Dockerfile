# Build: the production jar (Vaadin's pre-built bundle, no frontend toolchain needed).
FROM eclipse-temurin:25-jdk AS build
# npm fetches the pinned ApexCharts browser library (frontend/package-lock.json) during the Maven build.
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp dependency:go-offline -Pproduction || true
COPY db db
COPY frontend frontend
COPY src src
RUN ./mvnw -B -ntp -Pproduction -DskipTests package && cp target/compat-matrix-console-*.jar /app.jar

# Run: JRE only, non-root, the DuckDB file on a volume. With COMPAT_DB_URL (PostgreSQL, see compose.yaml) the same
# image runs unchanged: the DuckDB settings below are then unused, and the AOT cache, trained on DuckDB, still serves.
FROM eclipse-temurin:25-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app compat && mkdir -p /app /data && chown compat /data \
    && chmod 700 /data
WORKDIR /app
# The jar extracted, plus a JVM AOT cache (JDK 25) from one training run that starts the application on a throwaway
# database and exits once the context is up: start-up on the 100,000-model database 4.5–4.7 s instead of 10–21 s
# (BENCHMARKS.md, "Start-up"). The cache is made by this image's own JVM, as it must be.
COPY --from=build /app.jar /tmp/app.jar
RUN java -Djarmode=tools -jar /tmp/app.jar extract --destination /app && rm /tmp/app.jar \
    && COMPAT_DB_PATH=/tmp/training.duckdb COMPAT_BACKUP_DIR=/tmp/training-backups COMPAT_DEMO_ENABLED=false \
       COMPAT_ADMIN_USERNAME=training COMPAT_ADMIN_PASSWORD=training-run-only \
       java --enable-native-access=ALL-UNNAMED -Duser.timezone=UTC -XX:AOTCacheOutput=/app/app.aot \
            -Dspring.context.exit=onRefresh \
            -jar /app/app.jar \
    && rm -rf /tmp/training.duckdb* /tmp/training-backups
ENV COMPAT_DB_PATH=/data/compat-matrix.duckdb \
    COMPAT_DB_THREADS=2 \
    COMPAT_DB_MEMORY_LIMIT=1GB \
    COMPAT_BACKUP_DIR=/data/backups
VOLUME ["/data"]
USER compat
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS http://localhost:8080/actuator/health/liveness || exit 1
# umask 077: every file DuckDB writes on the volume (database, each new write-ahead log, backups) is the owner's
# only; exec keeps java as process 1, so it receives SIGTERM for the graceful shutdown.
ENTRYPOINT ["/bin/sh", "-c", "umask 077 && exec java --enable-native-access=ALL-UNNAMED -Duser.timezone=UTC \
-XX:MaxRAMPercentage=60 -XX:AOTCache=/app/app.aot -jar /app/app.jar \"$@\"", "compat-matrix-console"]
