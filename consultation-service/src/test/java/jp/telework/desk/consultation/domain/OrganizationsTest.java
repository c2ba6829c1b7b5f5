package jp.telework.desk.consultation.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OrganizationsTest {

    @Test
    void anOrganizationWithoutAnAccountIsItsPrefectureAndItsNameAsPeopleCompareIt() {
        String id = Organizations.unregistered("13", "株式会社 さくら商事");
        assertTrue(id.startsWith(Organizations.UNREGISTERED_PREFIX) && id.length() == 4 + 24, id);
        assertTrue(id.matches("tel-[0-9a-f]{24}"), "fits the organization id pattern of the API: " + id);
        // full-width space, trailing space, doubled spaces, full-width Latin letters, case
        assertEquals(id, Organizations.unregistered("13", "株式会社　さくら商事 "));
        assertEquals(id, Organizations.unregistered("13", " 株式会社  さくら商事"));
        assertEquals(Organizations.unregistered("13", "ABC Trading"), Organizations.unregistered("13", "ａｂｃ　trading"));
        assertNotEquals(id, Organizations.unregistered("27", "株式会社 さくら商事"), "another prefecture, another organization");
        assertNotEquals(id, Organizations.unregistered("13", "株式会社 もみじ商事"));
    }
}
