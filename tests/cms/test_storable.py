from cms.storable import storable


def test_control_characters_go_and_tab_newline_and_carriage_return_stay():
    assert storable("a\x00b\x1fc\x7fd\x85e") == "abcde"
    assert storable("line one\r\n\tline two") == "line one\r\n\tline two"
    assert storable("emoji 😂 and accents é stay") == "emoji 😂 and accents é stay"
