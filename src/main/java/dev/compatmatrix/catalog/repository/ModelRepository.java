package dev.compatmatrix.catalog.repository;

import dev.compatmatrix.base.db.TableAppender;
import dev.compatmatrix.matrix.MlModel;
import dev.compatmatrix.matrix.ModelData;
import dev.compatmatrix.matrix.ModelSize;
import dev.compatmatrix.matrix.ModelType;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ModelRepository {

    private final JdbcClient jdbc;
    private final TableAppender appender;

    public ModelRepository(JdbcClient jdbc, TableAppender appender) {
        this.jdbc = jdbc;
        this.appender = appender;
    }

    public Optional<MlModel> findByName(String name) {
        return jdbc.sql("""
                        SELECT model_id, row_version, model_name, model_family, model_type, model_size,
                               parameters_millions, source_url
                        FROM models WHERE model_name = :name AND deleted_at IS NULL""")
                .param("name", name)
                .query((rs, n) -> new MlModel(
                        rs.getInt("model_id"),
                        rs.getInt("row_version"),
                        new ModelData(
                                rs.getString("model_name"),
                                rs.getString("model_family"),
                                ModelType.fromKey(rs.getString("model_type")).orElseThrow(),
                                ModelSize.fromKey(rs.getString("model_size")).orElseThrow(),
                                (Double) rs.getObject("parameters_millions"),
                                rs.getString("source_url"))))
                .optional();
    }

    /** True when any model, deleted ones included, has this name (names stay unique for history). */
    public boolean nameTaken(String name) {
        return jdbc.sql("SELECT count(*) FROM models WHERE lower(model_name) = lower(:name)")
                        .param("name", name)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public int insert(ModelData data, LocalDateTime now) {
        return jdbc.sql("""
                        INSERT INTO models (model_name, model_family, model_type, model_size, parameters_millions,
                                            source_url, created_at, row_version)
                        VALUES (:name, :family, :type, :size, :params, :url, :now, 1) RETURNING model_id""")
                .params(params(data))
                .param("now", now)
                .query(Integer.class)
                .single();
    }

    /** Ids for new models, drawn from the models' sequence in one statement. */
    public List<Integer> newIds(int count) {
        return appender.nextIds("models_seq", count).stream()
                .map(Long::intValue)
                .toList();
    }

    /** A new model with an id from {@link #newIds}. */
    public record NewModel(int modelId, ModelData data) {}

    /** {@link #insert} for many models, through the appender (column order of V0001, then V0004's columns). */
    public void insertAll(List<NewModel> models, LocalDateTime now) {
        appender.append(
                "models",
                models.stream()
                        .map(m -> new Object[] {
                            m.modelId(),
                            m.data().name(),
                            m.data().family(),
                            m.data().type().key(),
                            m.data().size().key(),
                            m.data().parametersMillions(),
                            m.data().sourceUrl(),
                            now,
                            1,
                            null
                        })
                        .toList());
    }

    /** Writes when the stored version is still {@code expectedVersion}; false when someone saved first. */
    public boolean update(int modelId, int expectedVersion, ModelData data) {
        return jdbc.sql("""
                        UPDATE models SET model_name = :name, model_family = :family, model_type = :type,
                            model_size = :size, parameters_millions = :params, source_url = :url,
                            row_version = row_version + 1
                        WHERE model_id = :id AND row_version = :expected AND deleted_at IS NULL""")
                        .params(params(data))
                        .param("id", modelId)
                        .param("expected", expectedVersion)
                        .update()
                == 1;
    }

    public boolean markDeleted(int modelId, int expectedVersion, LocalDateTime now) {
        return jdbc.sql("""
                        UPDATE models SET deleted_at = :now, row_version = row_version + 1
                        WHERE model_id = :id AND row_version = :expected AND deleted_at IS NULL""")
                        .param("now", now)
                        .param("id", modelId)
                        .param("expected", expectedVersion)
                        .update()
                == 1;
    }

    private static Map<String, Object> params(ModelData data) {
        Map<String, Object> params = new HashMap<>();
        params.put("name", data.name());
        params.put("family", data.family());
        params.put("type", data.type().key());
        params.put("size", data.size().key());
        params.put("params", data.parametersMillions());
        params.put("url", data.sourceUrl());
        return params;
    }

    /** The families in use, for filter choices. */
    public List<String> families() {
        return jdbc.sql("SELECT DISTINCT model_family FROM models WHERE deleted_at IS NULL ORDER BY model_family")
                .query(String.class)
                .list();
    }
}
