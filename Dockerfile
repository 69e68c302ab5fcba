# Plumbline's image: built from source with the Maven wrapper, run on a JRE.
#   docker build -t plumbline .
#   docker run --rm plumbline help
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
# Dependencies first, so that a source change does not download them again.
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY schemas schemas
COPY modules modules
RUN ./mvnw -B -ntp -DskipTests -Dspotless.check.skip=true -pl modules/app -am \
      package dependency:copy-dependencies -DincludeScope=runtime \
      -DoutputDirectory=target/lib \
 && cp modules/app/target/plumbline-app-*.jar modules/app/target/lib/

FROM eclipse-temurin:17-jre
RUN useradd --system --home-dir /opt/plumbline --shell /usr/sbin/nologin plumbline \
 && mkdir -p /var/lib/plumbline && chown plumbline /var/lib/plumbline
WORKDIR /opt/plumbline
COPY --from=build /src/modules/app/target/lib lib/
# The topic layouts, for "plumbline topics apply --topics ops/topics/<env>.yaml".
COPY ops/topics ops/topics
USER plumbline
# Kafka Streams state (RocksDB); mount a volume so that a restart does not restore from changelogs.
VOLUME /var/lib/plumbline
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=60", "-cp", "lib/*", "io.plumbline.app.Plumbline"]
CMD ["help"]
