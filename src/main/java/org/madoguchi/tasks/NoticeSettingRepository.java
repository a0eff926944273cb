package org.madoguchi.tasks;

import org.springframework.data.jpa.repository.JpaRepository;

interface NoticeSettingRepository extends JpaRepository<NoticeSetting, Long> {}
