package jp.telework.desk.consultation.domain;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jp.telework.desk.common.vocabulary.Region;

/** What contact-point-service announced about a contact point (projection of contact-point.changed.v1). */
@Entity
@Table(name = "contact_point_info")
public class ContactPointInfo extends PanacheEntityBase {
    @Id
    public String code;
    @Enumerated(EnumType.STRING)
    public Region region;
    public String[] modes;
    @Column(name = "face_to_face_available")
    public boolean faceToFaceAvailable;
    public boolean active;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
