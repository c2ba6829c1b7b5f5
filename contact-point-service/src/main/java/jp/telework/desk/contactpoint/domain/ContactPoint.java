package jp.telework.desk.contactpoint.domain;

import java.time.OffsetDateTime;
import java.util.Arrays;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jp.telework.desk.common.vocabulary.Region;

/** A prefecture's association acting as the telework contact point. Keyed by the JIS code "01".."47". */
@Entity
@Table(name = "contact_point")
public class ContactPoint extends PanacheEntityBase {
    @Id
    public String code;
    @Column(name = "name_ja")
    public String nameJa;
    @Column(name = "name_en")
    public String nameEn;
    @Enumerated(EnumType.STRING)
    public Region region;
    public double latitude;
    public double longitude;
    public String[] modes;
    public String[] languages;
    public boolean active;
    @Column(name = "open_on_holidays")
    public boolean openOnHolidays;
    public String phone;
    public String note;
    @Version
    public long version;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public boolean offers(Mode mode) {
        return Arrays.asList(modes).contains(mode.name());
    }

    public boolean faceToFaceAvailable() {
        return offers(Mode.IN_PERSON);
    }
}
