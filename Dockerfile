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

# Run: JRE only, non-root, the DuckDB file on a volume.
FROM eclipse-temurin:25-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app compat && mkdir -p /app /data && chown compat /data
WORKDIR /app
COPY --from=build /app.jar /app/app.jar
ENV COMPAT_DB_PATH=/data/compat-matrix.duckdb \
    COMPAT_DB_THREADS=2 \
    COMPAT_DB_MEMORY_LIMIT=1GB \
    COMPAT_BACKUP_DIR=/data/backups
VOLUME ["/data"]
USER compat
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS http://localhost:8080/actuator/health/liveness || exit 1
ENTRYPOINT ["java", "--enable-native-access=ALL-UNNAMED", "-Duser.timezone=UTC", "-XX:MaxRAMPercentage=60", "-jar", "/app/app.jar"]
