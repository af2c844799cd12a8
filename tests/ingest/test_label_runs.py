from reader.ingest.headings import heading_levels


def test_parallel_labels_nest_under_the_heading_before_them():
    titles = ["活动安排:二十余项", "分馆风采:各具特色", "东城分馆:亲子", "西城分馆:科普", "南城分馆:老年", "总结:明年"]
    assert heading_levels(titles) == [2, 2, 3, 3, 3, 2]


def test_a_list_of_labels_at_the_top_stays_at_the_top():
    assert heading_levels(["上海分馆:甲", "北京分馆:乙", "广州分馆:丙"]) == [2, 2, 2]


def test_two_alike_labels_are_not_enough_evidence():
    assert heading_levels(["背景:甲", "东城分馆:乙", "西城分馆:丙"]) == [2, 2, 2]
