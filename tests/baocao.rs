//! `baocao`: the periodic report in the state's layout, as Markdown, HTML and .docx, for
//! fixture data at fixed dates; the header blocks from the seed; a valid, reproducible .docx.

mod common;

use std::io::Read;

use common::{fixture, stable, Kehoach};

/// The ward fixture with the clean CSV and the task file imported, as of 30/06/2026.
fn ward_with_data() -> Kehoach {
    let k = Kehoach::with_seed("ward.toml");
    for file in ["csv/long-clean.csv", "csv/tasks.csv"] {
        k.test(&["import", &fixture(file), "--as-of", "30/06/2026"])
            .stdout_check(|out| assert!(out.contains("): đã ghi\n"), "{out}"))
            .writes()
            .run();
    }
    k
}

#[test]
fn the_monthly_report_in_vietnamese_and_english() {
    let k = ward_with_data();
    // As of 01/07/2026 the month just ended is June: everything is judged as of 30/06/2026.
    let vi = k
        .test(&["baocao", "--as-of", "01/07/2026", "--so", "07"])
        .stdout("| **ỦY BAN NHÂN DÂN PHƯỜNG THỬ NGHIỆM**<br>Số: 07/BC-UBND | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**<br>**Độc lập - Tự do - Hạnh phúc**<br>*Thử Nghiệm, ngày 01 tháng 7 năm 2026* |\n\
|:---:|:---:|\n\
\n\
<p align=\"center\"><b>BÁO CÁO</b><br><b>Kết quả thực hiện Kế hoạch số 99/KH-TEST ngày 1/1/2026 của UBND phường Thử Nghiệm tháng 06/2026</b></p>\n\
\n\
Thực hiện Kế hoạch số 99/KH-TEST ngày 1/1/2026, UBND phường Thử Nghiệm báo cáo kết quả thực hiện tháng 06/2026 (từ ngày 01/06/2026 đến ngày 30/06/2026) như sau:\n\
\n\
## I. KẾT QUẢ THỰC HIỆN\n\
\n\
### 1. TT1 - Phục vụ nhanh\n\
\n\
**Bảng 1. Kết quả các chỉ tiêu của TT1 đến hết ngày 30/06/2026**\n\
\n\
| Mã | Chỉ tiêu | Mục tiêu | Hạn | Kết quả | Cùng kỳ | Đánh giá |\n\
|---|---|---|---|---|---|---|\n\
| TT1.01 | Hồ sơ giải quyết trực tuyến | ≥ 90% | 30/06/2026 | 90,4% | - | đạt (15/04/2026) |\n\
| TT1.02 | Sáng kiến được công nhận | ≥ 5 sáng kiến | 30/09/2026 | 4 sáng kiến | - | chưa đến hạn; hiện chưa đạt |\n\
| TT1.03 | Tỷ lệ hồ sơ trễ hạn | < 3% | 31/12/2026 | 2,5% | - | chưa đến hạn; hiện đạt |\n\
\n\
Nhiệm vụ: 1 hoàn thành đúng hạn, 0 hoàn thành trễ hạn, 4 quá hạn chưa hoàn thành (TT1.T02, TT1.T03, TT1.T04, TT1.T05), 2 chưa đến hạn.\n\
\n\
### 2. NV1 - An ninh trật tự\n\
\n\
**Bảng 2. Kết quả các chỉ tiêu của NV1 đến hết ngày 30/06/2026**\n\
\n\
| Mã | Chỉ tiêu | Mục tiêu | Hạn | Kết quả | Cùng kỳ | Đánh giá |\n\
|---|---|---|---|---|---|---|\n\
| NV1.01 | Kéo giảm vụ vi phạm so với năm 2025 | giảm ≥ 20% so với 2025 | 31/10/2026 | 85 vụ | - | chưa đến hạn; hiện chưa đạt |\n\
| NV1.02 | Tỷ lệ giải ngân vốn đầu tư công | ≥ 100% | 31/12/2026 | - | - | chưa đến hạn; hiện chưa có số liệu |\n\
\n\
Nhiệm vụ: 1 hoàn thành đúng hạn, 0 hoàn thành trễ hạn, 1 quá hạn chưa hoàn thành (NV1.T02), 3 chưa đến hạn.\n\
\n\
## II. ĐÁNH GIÁ CHUNG\n\
\n\
**Bảng 3. Tỷ lệ hoàn thành theo nội dung và giai đoạn, đến hết ngày 30/06/2026**\n\
\n\
| Nội dung | GĐ 1 | GĐ 2 | GĐ 3 | GĐ 4 | GĐ 5 | Tổng |\n\
|---|---|---|---|---|---|---|\n\
| TT1 | ● 1/2<br>50%<br>⚠ 1 | ● 1/3<br>33%<br>⚠ 2 | ● 1/2<br>50%<br>⚠ 1 | ○ 0/0<br>– | ○ 1/1<br>100% | 4/8<br>50%<br>⚠ 4 |\n\
| NV1 | ● 1/1<br>100% | ● 0/1<br>0%<br>⚠ 1 | ▶ 0/0<br>– | ○ 0/0<br>– | ○ 0/0<br>– | 1/2<br>50%<br>⚠ 1 |\n\
| Tổng | 2/3<br>67%<br>⚠ 1 | 1/4<br>25%<br>⚠ 3 | 1/2<br>50%<br>⚠ 1 | 0/0<br>– | 1/1<br>100% | 5/10<br>50%<br>⚠ 5 |\n\
\n\
GĐ = giai đoạn. Mỗi ô: đạt đúng hạn/đã đến hạn và tỷ lệ; ⚠ số việc quá hạn hoặc làm trễ. ○ chưa bắt đầu, ▶ đang diễn ra, ● đã kết thúc.\n\
\n\
Tính chung, 5/10 nhiệm vụ và chỉ tiêu đã đến hạn đạt đúng hạn (50%); 0 đạt nhưng trễ hạn; 5 quá hạn chưa đạt.\n\
\n\
Về chỉ tiêu: 2/5 chỉ tiêu đạt mục tiêu (TT1.01, TT1.03); 2 chỉ tiêu chưa đạt (TT1.02, NV1.01); 1 chỉ tiêu chưa có số liệu hoặc mốc so sánh.\n\
\n\
**Bảng 4. Việc quá hạn theo đơn vị chủ trì**\n\
\n\
| Đơn vị | Số việc | Mã |\n\
|---|---|---|\n\
| Phòng A | 2 | TT1.T04, TT1.T05 |\n\
| Khu phố 1 | 1 | TT1.T02 |\n\
| Phòng B | 1 | TT1.T03 |\n\
| Khu phố 2 | 1 | NV1.T02 |\n\
\n\
> *[Văn phòng HĐND-UBND bổ sung: những kết quả nổi bật; tồn tại, hạn chế và nguyên nhân; đơn vị làm tốt, đơn vị còn chậm.]*\n\
\n\
## III. NHIỆM VỤ TRỌNG TÂM KỲ TỚI\n\
\n\
**Bảng 5. Nhiệm vụ và chỉ tiêu đến hạn trong tháng 07/2026**\n\
\n\
| Mã | Nội dung | Chủ trì | Hạn |\n\
|---|---|---|---|\n\
| NV1.T03 | Phiên giao dịch việc làm | Phòng B | 31/07/2026 |\n\
\n\
> *[Văn phòng HĐND-UBND bổ sung: giải pháp, kiến nghị, đề xuất.]*\n\
\n\
| ***Nơi nhận:***<br> | **TM. ỦY BAN NHÂN DÂN**<br>**CHỦ TỊCH**<br><br><br> |\n\
|:---|:---:|\n")
        .writes_nothing()
        .run();
    for expected in [
        "Số: 07/BC-UBND",
        "*Thử Nghiệm, ngày 01 tháng 7 năm 2026*",
        "<b>BÁO CÁO</b><br><b>Kết quả thực hiện Kế hoạch số 99/KH-TEST ngày 1/1/2026 của UBND phường Thử Nghiệm tháng 06/2026</b>",
        "## I. KẾT QUẢ THỰC HIỆN",
        "### 1. TT1 - ",
        "### 2. NV1 - ",
        "**Bảng 1. Kết quả các chỉ tiêu của TT1 đến hết ngày 30/06/2026**",
        // PA 412/450 and PB 40/50 on 15/04: the ward's 452/500.
        "| TT1.01 | ",
        "| 90,4% | - | đạt (15/04/2026) |",
        "## II. ĐÁNH GIÁ CHUNG",
        // Section II sums up section I's tables: TT1.01 and TT1.03 met, TT1.02 and NV1.01 not.
        "Về chỉ tiêu: 2/5 chỉ tiêu đạt mục tiêu (TT1.01, TT1.03); 2 chỉ tiêu chưa đạt (TT1.02, NV1.01); 1 chỉ tiêu chưa có số liệu",
        "## III. NHIỆM VỤ TRỌNG TÂM KỲ TỚI",
        "> *[Văn phòng HĐND-UBND bổ sung: giải pháp, kiến nghị, đề xuất.]*",
    ] {
        assert!(vi.stdout.contains(expected), "missing {expected:?} in\n{}", vi.stdout);
    }
    insta::assert_snapshot!("baocao_month_vi", stable(&vi.stdout, &k));
    let en = k
        .test(&["--lang", "en", "baocao", "--as-of", "01/07/2026"])
        .stdout("| **ỦY BAN NHÂN DÂN PHƯỜNG THỬ NGHIỆM**<br>Số:        /BC-UBND | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**<br>**Độc lập - Tự do - Hạnh phúc**<br>*Thử Nghiệm, ngày 01 tháng 7 năm 2026* |\n\
|:---:|:---:|\n\
\n\
<p align=\"center\"><b>BÁO CÁO</b><br><b>Kết quả thực hiện Kế hoạch số 99/KH-TEST ngày 1/1/2026 của UBND phường Thử Nghiệm tháng 06/2026</b></p>\n\
\n\
Under Plan No. 99/KH-TEST of 1/1/2026, UBND phường Thử Nghiệm reports the results for month 06/2026 (01/06/2026 to 30/06/2026) as follows:\n\
\n\
## I. RESULTS\n\
\n\
### 1. TT1 - Phục vụ nhanh\n\
\n\
**Table 1. TT1's indicators at the end of 30/06/2026**\n\
\n\
| Code | Indicator | Target | Deadline | Reached | Same period before | Assessment |\n\
|---|---|---|---|---|---|---|\n\
| TT1.01 | Hồ sơ giải quyết trực tuyến | ≥ 90% | 30/06/2026 | 90.4% | - | met (15/04/2026) |\n\
| TT1.02 | Sáng kiến được công nhận | ≥ 5 sáng kiến | 30/09/2026 | 4 sáng kiến | - | not yet due; now not met |\n\
| TT1.03 | Tỷ lệ hồ sơ trễ hạn | < 3% | 31/12/2026 | 2.5% | - | not yet due; now met |\n\
\n\
Tasks: 1 done on time, 0 done late, 4 overdue (TT1.T02, TT1.T03, TT1.T04, TT1.T05), 2 not yet due.\n\
\n\
### 2. NV1 - An ninh trật tự\n\
\n\
**Table 2. NV1's indicators at the end of 30/06/2026**\n\
\n\
| Code | Indicator | Target | Deadline | Reached | Same period before | Assessment |\n\
|---|---|---|---|---|---|---|\n\
| NV1.01 | Kéo giảm vụ vi phạm so với năm 2025 | down ≥ 20% vs 2025 | 31/10/2026 | 85 vụ | - | not yet due; now not met |\n\
| NV1.02 | Tỷ lệ giải ngân vốn đầu tư công | ≥ 100% | 31/12/2026 | - | - | not yet due; now no data |\n\
\n\
Tasks: 1 done on time, 0 done late, 1 overdue (NV1.T02), 3 not yet due.\n\
\n\
## II. OVERALL ASSESSMENT\n\
\n\
**Table 3. Compliance by content and phase, at the end of 30/06/2026**\n\
\n\
| Content | Phase 1 | Phase 2 | Phase 3 | Phase 4 | Phase 5 | Total |\n\
|---|---|---|---|---|---|---|\n\
| TT1 | ● 1/2<br>50%<br>⚠ 1 | ● 1/3<br>33%<br>⚠ 2 | ● 1/2<br>50%<br>⚠ 1 | ○ 0/0<br>– | ○ 1/1<br>100% | 4/8<br>50%<br>⚠ 4 |\n\
| NV1 | ● 1/1<br>100% | ● 0/1<br>0%<br>⚠ 1 | ▶ 0/0<br>– | ○ 0/0<br>– | ○ 0/0<br>– | 1/2<br>50%<br>⚠ 1 |\n\
| Total | 2/3<br>67%<br>⚠ 1 | 1/4<br>25%<br>⚠ 3 | 1/2<br>50%<br>⚠ 1 | 0/0<br>– | 1/1<br>100% | 5/10<br>50%<br>⚠ 5 |\n\
\n\
Each cell: met on time/due so far and the rate; ⚠ items overdue or done late. ○ not started, ▶ running, ● finished.\n\
\n\
Overall, 5 of 10 tasks and indicator targets due were met on time (50%); 0 were met late; 5 are overdue.\n\
\n\
Indicators: 2 of 5 meet their target (TT1.01, TT1.03); 2 do not (TT1.02, NV1.01); 1 has no figure or baseline yet.\n\
\n\
**Table 4. Overdue items by lead unit**\n\
\n\
| Unit | Items | Codes |\n\
|---|---|---|\n\
| Phòng A | 2 | TT1.T04, TT1.T05 |\n\
| Khu phố 1 | 1 | TT1.T02 |\n\
| Phòng B | 1 | TT1.T03 |\n\
| Khu phố 2 | 1 | NV1.T02 |\n\
\n\
> *[To be written by the Office: notable results; shortcomings and their causes; units that did well, units that are behind.]*\n\
\n\
## III. TASKS FOR THE NEXT PERIOD\n\
\n\
**Table 5. Tasks and indicator targets due in month 07/2026**\n\
\n\
| Code | Item | Lead | Due |\n\
|---|---|---|---|\n\
| NV1.T03 | Phiên giao dịch việc làm | Phòng B | 31/07/2026 |\n\
\n\
> *[To be written by the Office: measures, recommendations, proposals.]*\n\
\n\
| ***Nơi nhận:***<br> | **TM. ỦY BAN NHÂN DÂN**<br>**CHỦ TỊCH**<br><br><br> |\n\
|:---|:---:|\n")
        .writes_nothing()
        .run();
    assert!(en.stdout.contains("## I. RESULTS"), "{}", en.stdout);
    insta::assert_snapshot!("baocao_month_en", stable(&en.stdout, &k));
}

#[test]
fn the_header_and_signature_blocks_come_from_the_seed() {
    let k = Kehoach::new();
    k.test(&["init"]).stdout("Đã nạp Kế hoạch 118/KH-UBND vào <DB>: 7 nội dung, 54 chỉ tiêu, 85 nhiệm vụ, 30 đơn vị.\n").masked()
        .writes()
.run();
    let md = k
        .test(&["baocao", "--as-of", "25/11/2026"])
        .stdout("| ỦY BAN NHÂN DÂN THÀNH PHỐ ĐỒNG NAI<br>**ỦY BAN NHÂN DÂN PHƯỜNG TAM PHƯỚC**<br>Số:        /BC-UBND | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**<br>**Độc lập - Tự do - Hạnh phúc**<br>*Tam Phước, ngày 25 tháng 11 năm 2026* |\n\
|:---:|:---:|\n\
\n\
<p align=\"center\"><b>BÁO CÁO</b><br><b>Kết quả thực hiện Kế hoạch số 118/KH-UBND ngày 30/5/2026 của UBND phường Tam Phước tháng 10/2026</b></p>\n\
\n\
Thực hiện Kế hoạch số 118/KH-UBND ngày 30/5/2026, UBND phường Tam Phước báo cáo kết quả thực hiện tháng 10/2026 (từ ngày 01/10/2026 đến ngày 31/10/2026) như sau:\n\
\n\
## I. KẾT QUẢ THỰC HIỆN\n\
\n\
### 1. TT1 - Tam Phước nâng tầm phục vụ - giải quyết nhanh - số hóa toàn diện, đồng hành thực chất với người dân, doanh nghiệp\n\
\n\
**Bảng 1. Kết quả các chỉ tiêu của TT1 đến hết ngày 31/10/2026**\n\
\n\
| Mã | Chỉ tiêu | Mục tiêu | Hạn | Kết quả | Cùng kỳ | Đánh giá |\n\
|---|---|---|---|---|---|---|\n\
| TT1.01 | Số hóa 100%: toàn bộ TTHC tiếp nhận được xử lý trên môi trường số | ≥ 100% | 31/12/2026 | - | - | chưa đến hạn; hiện chưa có số liệu |\n\
| TT1.02 | 100% kết quả giải quyết TTHC được cấp bản điện tử | ≥ 100% | 31/12/2026 | - | - | chưa đến hạn; hiện chưa có số liệu |\n\
| TT1.03 | Tối thiểu 90% hồ sơ được tiếp nhận và giải quyết qua hệ thống điện tử | ≥ 90% | 30/09/2027 | - | - | chưa đến hạn; hiện chưa có số liệu |\n\
| TT1.04 | 100% hồ sơ được tiếp nhận qua hệ thống có qua VNeID mức độ 2 | ≥ 100% | 31/12/2026 | - | - | chưa đến hạn; hiện chưa có số liệu |\n\
| TT1.05 | Cắt giảm ít nhất 30% thời gian giải quyết thủ tục so với quy định hiện hành (thủ tục có danh mục đăng ký) | ≥ 30% | 30/09/2027 | - | - | chưa đến hạn; hiện chưa có số liệu |\n\
| TT1.06 | Chỉ số hài lòng của người dân, doanh nghiệp (SIPAS) đạt 95% trở lên | ≥ 95% | 30/09/2027 | - | - | chưa đến hạn; hiện chưa có số liệu |\n\
| TT1.07 | Xử lý dứt điểm 100% hồ sơ đúng và trước hạn | ≥ 100% | 30/09/2027 | - | - | chưa đến hạn; hiện chưa có số liệu |\n\
| TT1.08 | 100% phản ánh, kiến nghị trên tổng đài được giải quyết kịp thời | ≥ 100% | 30/09/2027 | - | - | chưa đến hạn; hiện chưa có số liệu |\n\
| TT1.09 | Thành lập và duy trì Tổ hỗ trợ \"Dịch vụ công trực tuyến\" tại 07 khu phố | ≥ 7 tổ | 31/05/2026 | - | - | chưa đến hạn; hiện chưa có số liệu |\n\
| TT1.10 | Ít nhất 10 sáng kiến, giải pháp cải cách hành chính được công nhận và áp dụng | ≥ 10 sáng kiến | 30/09/2027 | - | - | chưa đến hạn; hiện chưa có số liệu |\n\
| TT1.11 | 100% chi bộ trực thuộc hoàn thành tốt nhiệm vụ trở lên, không có chi bộ \"không hoàn thành nhiệm vụ\" | ≥ 100% | 31/12/2026 | - | - | chưa đến hạn; hiện chưa có số liệu |\n\
\n\
Nhiệm vụ: 0 hoàn thành đúng hạn, 0 hoàn thành trễ hạn, 3 quá hạn chưa hoàn thành (TT1.T01, TT1.T02, TT1.T03), 8 chưa đến hạn.\n\
\n\
### 2. TT2 - Tam Phước cửa ngõ kiểu mẫu – sáng, sạch, trật tự, xây dựng diện mạo đô thị văn minh của thành phố Đồng Nai\n\
\n\
**Bảng 2. Kết quả các chỉ tiêu của TT2 đến hết ngày 31/10/2026**\n\
\n\
| Mã | Chỉ tiêu | Mục tiêu | Hạn | Kết quả | Cùng kỳ | Đánh giá |\n\
|---|---|---|---|---|---|---|\n\
| TT2.01 | Hoàn thành xây dựng 01 trục điểm kiểu mẫu cấp phường trên tuyến Quốc lộ 51 đoạn qua trung tâm phường | ≥ 1 tuyến | 31/03/2027 | - | - | chưa đến hạn; hiện chưa có số liệu |\n\
| TT2.02 | 100% khu phố đăng ký và hoàn thành ít nhất 01 tuyến đường hoặc cụm dân cư kiểu mẫu | ≥ 7 khu phố | 31/05/2027 | - | - | chưa đến hạn; hiện chưa có số liệu |\n\
| TT2.03 | Bóc xóa, xử lý thường xuyên 100% quảng cáo, rao vặt trái phép trên các tuyến đường đăng ký kiểu mẫu | ≥ 100% | 30/10/2027 | - | - | chưa đến hạn; hiện chưa có số liệu |\n\
| TT2.04 | Vận động 100% hộ dân, cơ sở kinh doanh trên các tuyến kiểu mẫu ký cam kết không lấn chiếm lòng đường, vỉa hè; giữ gìn vệ sinh môi trường và mỹ quan đô thị | ≥ 100% | 31/12/2026 | - | - | chưa đến hạn; hiện chưa có số liệu |\n\
| TT2.05 | Đẩy mạnh xã hội hóa, huy động từ 50% trở lên kinh phí ngoài ngân sách để thực hiện chỉnh trang đô thị | ≥ 50% | 30/10/2027 | - | - | chưa đến hạn; hiện chưa có số liệu |\n\
| TT2.06 | Có cam kết nguyên tắc với 03 - 05 doanh nghiệp lớn trên địa bàn trước khi chính thức triển khai | ≥ 3 doanh nghiệp | 30/06/2026 | - | - | chưa đến hạn; hiện chưa có số liệu |\n\
| TT2.07 | Tổ chức tối thiểu 02 đợt cao điểm lập lại trật tự đô thị trong năm 2026 | ≥ 2 đợt | 31/12/2026 | - | - | chưa đến hạn; hiện chưa có số liệu |\n\
| TT2.08 | Tổ chức tối thiểu 02 đợt cao điểm lập lại trật tự đô thị trong năm 2027 | ≥ 2 đợt | 30/10/2027 | - | - | chưa đến hạn; hiện chưa có số liệu |\n\
| TT2.09 | Xử lý dứt điểm 100% trường hợp xây dựng trái phép phát sinh | ≥ 100% | 31/12/2026 | - | - | chưa đến hạn; hiện chưa có số liệu |\n\
\n\
Nhiệm vụ: 0 hoàn thành đúng hạn, 0 hoàn thành trễ hạn, 3 quá hạn chưa hoàn thành (TT2.T01, TT2.T02, TT2.T03), 11 chưa đến hạn.\n\
\n\
### 3. TT3 - Tam Phước an toàn - an dân - an cư: dữ liệu cư trú sạch, khu nhà trọ văn minh, không ma túy, không điểm nóng phức tạp về an ninh trật tự\n\
\n\
**Bảng 3. Kết quả các chỉ tiêu của TT3 đến hết ngày 31/10/2026**\n\
\n\
| Mã | Chỉ tiêu | Mục tiêu | Hạn | Kết quả | Cùng kỳ | Đánh giá |\n\
|---|---|---|---|---|---|---|\n\
| TT3.01 | 100% cơ sở cho thuê trọ, lưu trú được rà soát, phân loại, cập nhật | ≥ 100% | 31/12/2026 | - | - | chưa đến hạn; hiện chưa có số liệu |\n\
| TT3.02 | 100% chủ nhà trọ ký cam kết an ninh trật tự | ≥ 100% | 31/12/2026 | - | - | chưa đến hạn; hiện chưa có số liệu |\n\
| TT3.03 | Mỗi khu phố có ít nhất 01 mô hình (nhà trọ an toàn, văn minh, tự quản) | ≥ 7 mô hình | 27/08/2027 | - | - | chưa đến hạn; hiện chưa có số liệu |\n\
| TT3.04 | 100% cơ sở nhà trọ có thiết bị PCCC tối thiểu theo quy định | ≥ 100% | 31/03/2027 | - | - | chưa đến hạn; hiện chưa có số liệu |\n\
| TT3.05 | Kéo giảm ít nhất 20% vụ vi phạm liên quan cư trú, ma túy, PCCC so với năm 2025 | giảm ≥ 20% so với 2025 | 27/08/2027 | - | - | chưa đến hạn; hiện chưa có số liệu |\n\
| TT3.07 | 100% doanh nghiệp trọng điểm và doanh nghiệp FDI được tuyên truyền pháp luật, PCCC, Luật Cư trú ít nhất 01 lần/năm | ≥ 100% | 31/12/2026 | - | - | chưa đến hạn; hiện chưa có số liệu |\n\
| TT3.08 | Không xảy ra các vụ việc phức tạp về an ninh trật tự tại các khu công nghiệp, doanh nghiệp | ≤ 0 vụ | 31/12/2030 | - | - | chưa đến hạn; hiện chưa có số liệu |\n\
\n\
Nhiệm vụ: 0 hoàn thành đúng hạn, 0 hoàn thành trễ hạn, 4 quá hạn chưa hoàn thành (TT3.T01, TT3.T02, TT3.T03, TT3.T04), 14 chưa đến hạn.\n\
\n\
### 4. NV1 - Triển khai an sinh xã hội, hỗ trợ việc làm nâng chất lượng đời sống của nhân dân gắn giữ vững ANTT\n\
\n\
**Bảng 4. Kết quả các chỉ tiêu của NV1 đến hết ngày 31/10/2026**\n\
\n\
| Mã | Chỉ tiêu | Mục tiêu | Hạn | Kết quả | Cùng kỳ | Đánh giá |\n\
|---|---|---|---|---|---|---|\n\
| NV1.01 | Giải quyết việc làm mới cho người lao động đạt 95% - 100% chỉ tiêu kế hoạch năm | ≥ 95% | 31/12/2026 | - | - | chưa đến hạn; hiện chưa có số liệu |\n\
| NV1.02 | Tỷ lệ lao động qua đào tạo (có bằng cấp, chứng chỉ) đạt 70% - 75% | ≥ 70% | 27/08/2027 | - | - | chưa đến hạn; hiện chưa có số liệu |\n\
| NV1.03 | Tỷ lệ thất nghiệp ở khu vực thành thị dưới 3% | < 3% | 27/08/2027 | - | - | chưa đến hạn; hiện chưa có số liệu |\n\
| NV1.04 | Giảm tỷ lệ hộ nghèo, hộ cận nghèo đa chiều từ 1% - 1,5%/năm | ≥ 1% | 31/12/2026 | - | - | chưa đến hạn; hiện chưa có số liệu |\n\
| NV1.05 | Tỷ lệ bao phủ bảo hiểm y tế (BHYT) toàn dân đạt từ 95% trở lên | ≥ 95% | 27/08/2027 | - | - | chưa đến hạn; hiện chưa có số liệu |\n\
| NV1.06 | 100% đối tượng bảo trợ xã hội đủ điều kiện được hưởng trợ cấp hằng tháng và cấp thẻ BHYT miễn phí | ≥ 100% | 31/12/2026 | - | - | chưa đến hạn; hiện chưa có số liệu |\n\
| NV1.07 | Hỗ trợ xây dựng, sửa chữa 100% nhà ở dột nát cho hộ chính sách, hộ nghèo có hoàn cảnh đặc biệt khó khăn | ≥ 100% | 27/08/2027 | - | - | chưa đến hạn; hiện chưa có số liệu |\n\
| NV1.08 | 100% khu dân cư xây dựng và duy trì được mô hình \"An toàn về ANTT\" | ≥ 100% | 31/03/2027 | - | - | chưa đến hạn; hiện chưa có số liệu |\n\
| NV1.09 | Kiềm chế và kéo giảm ít nhất 5% tội phạm về trật tự xã hội so với năm trước | giảm ≥ 5% so với 2025 | 31/12/2026 | - | - | chưa đến hạn; hiện chưa có số liệu |\n\
| NV1.10 | Không để xảy ra \"điểm nóng\" về ANTT bắt nguồn từ vấn đề dân sinh, khiếu kiện phức tạp, tranh chấp lao động | ≤ 0 vụ | 27/08/2027 | - | - | chưa đến hạn; hiện chưa có số liệu |\n\
\n\
Nhiệm vụ: 0 hoàn thành đúng hạn, 0 hoàn thành trễ hạn, 4 quá hạn chưa hoàn thành (NV1.T01, NV1.T02, NV1.T03, NV1.T04), 11 chưa đến hạn.\n\
\n\
### 5. NV2 - Bứt phá về Phát triển Kinh tế 02 con số và Đầu tư công\n\
\n\
**Bảng 5. Kết quả các chỉ tiêu của NV2 đến hết ngày 31/10/2026**\n\
\n\
| Mã | Chỉ tiêu | Mục tiêu | Hạn | Kết quả | Cùng kỳ | Đánh giá |\n\
|---|---|---|---|---|---|---|\n\
| NV2.01 | Tốc độ tăng trưởng tổng giá trị sản xuất trên địa bàn từ 10% trở lên | tăng ≥ 10% so với 2025 | 31/12/2026 | - | - | chưa đến hạn; hiện chưa có số liệu |\n\
| NV2.02 | Tốc độ tăng trưởng doanh thu ngành thương mại, dịch vụ đạt 12% - 15% | tăng ≥ 12% so với 2025 | 31/12/2026 | - | - | chưa đến hạn; hiện chưa có số liệu |\n\
| NV2.03 | Thu ngân sách nhà nước trên địa bàn vượt 5% - 10% so với dự toán Thành phố giao | tăng ≥ 5% so với 2026 | 31/12/2026 | - | - | chưa đến hạn; hiện chưa có số liệu |\n\
| NV2.04 | Tỷ lệ giải ngân vốn đầu tư công năm 2026: tối thiểu 95% trước ngày 30/11 và 100% trước ngày 31/12 | ≥ 100% | 31/12/2026 | - | - | chưa đến hạn; hiện chưa có số liệu |\n\
| NV2.05 | Tỷ lệ giải ngân vốn đầu tư công năm 2027: tối thiểu 95% trước ngày 30/11 và 100% trước ngày 31/12 | ≥ 100% | 31/12/2027 | - | - | chưa đến hạn; hiện chưa có số liệu |\n\
| NV2.06 | Hoàn thành đúng tiến độ 100% các công trình nâng cấp hẻm, sửa chữa trụ sở, vỉa hè, hệ thống thoát nước trên địa bàn phường | ≥ 100% | 27/08/2027 | - | - | chưa đến hạn; hiện chưa có số liệu |\n\
| NV2.07 | Rút ngắn 30% thời gian giải quyết các thủ tục liên quan đến đăng ký kinh doanh, xác nhận quy hoạch | ≥ 30% | 27/08/2027 | - | - | chưa đến hạn; hiện chưa có số liệu |\n\
\n\
Nhiệm vụ: 0 hoàn thành đúng hạn, 0 hoàn thành trễ hạn, 3 quá hạn chưa hoàn thành (NV2.T01, NV2.T02, NV2.T03), 7 chưa đến hạn.\n\
\n\
### 6. NV3 - Siết chặt Kỷ luật, Kỷ cương Hành chính và Đạo đức Công vụ của cán bộ, công chức\n\
\n\
**Bảng 6. Kết quả các chỉ tiêu của NV3 đến hết ngày 31/10/2026**\n\
\n\
| Mã | Chỉ tiêu | Mục tiêu | Hạn | Kết quả | Cùng kỳ | Đánh giá |\n\
|---|---|---|---|---|---|---|\n\
| NV3.01 | 100% hồ sơ TTHC được tiếp nhận và giải quyết đúng hạn | ≥ 100% | 27/08/2027 | - | - | chưa đến hạn; hiện chưa có số liệu |\n\
| NV3.02 | Tỷ lệ hồ sơ TTHC giải quyết trước hạn đạt trên 60% | > 60% | 27/08/2027 | - | - | chưa đến hạn; hiện chưa có số liệu |\n\
| NV3.03 | Chỉ số hài lòng của người dân và tổ chức (SIPAS) đối với sự phục vụ của UBND phường đạt từ 95% trở lên | ≥ 95% | 27/08/2027 | - | - | chưa đến hạn; hiện chưa có số liệu |\n\
| NV3.04 | Không có cán bộ, công chức bị phản ánh, khiếu nại có cơ sở về thái độ hách dịch, cửa quyền hoặc hành vi tiêu cực | ≤ 0 người | 27/08/2027 | - | - | chưa đến hạn; hiện chưa có số liệu |\n\
| NV3.05 | Rà soát, cập nhật và niêm yết công khai, đầy đủ 100% các TTHC thuộc thẩm quyền giải quyết tại Bộ phận Tiếp nhận và Trả kết quả (Một cửa) | ≥ 100% | 27/08/2027 | - | - | chưa đến hạn; hiện chưa có số liệu |\n\
| NV3.06 | Tổ chức ký cam kết thực hiện nghiêm túc đạo đức công vụ đối với 100% cán bộ, công chức thuộc phường | ≥ 100% | 31/12/2026 | - | - | chưa đến hạn; hiện chưa có số liệu |\n\
| NV3.07 | Kiểm tra đột xuất việc chấp hành giờ giấc làm việc, trang phục, tác phong và thái độ tiếp dân của CBCC tối thiểu 2 lần/tháng | ≥ 2 lần/tháng | 27/08/2027 | - | - | chưa đến hạn; hiện chưa có số liệu |\n\
\n\
Nhiệm vụ: 0 hoàn thành đúng hạn, 0 hoàn thành trễ hạn, 2 quá hạn chưa hoàn thành (NV3.T01, NV3.T02), 7 chưa đến hạn.\n\
\n\
### 7. NV4 - Phương châm hành động và Nguyên tắc quản lý về thực hiện nhiệm vụ của cán bộ\n\
\n\
**Bảng 7. Kết quả các chỉ tiêu của NV4 đến hết ngày 31/10/2026**\n\
\n\
| Mã | Chỉ tiêu | Mục tiêu | Hạn | Kết quả | Cùng kỳ | Đánh giá |\n\
|---|---|---|---|---|---|---|\n\
| NV4.01 | 100% các kế hoạch, thông báo kết luận của Thường trực UBND phường được cụ thể hóa theo phương châm \"05 rõ\" | ≥ 100% | 27/08/2027 | - | - | chưa đến hạn; hiện chưa có số liệu |\n\
| NV4.02 | 100% cán bộ lãnh đạo, quản lý và công chức chuyên môn có ít nhất 01 sáng kiến, giải pháp cải tiến hoặc mô hình mới trong năm | ≥ 100% | 31/12/2026 | - | - | chưa đến hạn; hiện chưa có số liệu |\n\
| NV4.03 | Giảm tối thiểu 20% thời gian hội họp không cần thiết | giảm ≥ 20% so với 2025 | 27/08/2027 | - | - | chưa đến hạn; hiện chưa có số liệu |\n\
\n\
Nhiệm vụ: 0 hoàn thành đúng hạn, 0 hoàn thành trễ hạn, 2 quá hạn chưa hoàn thành (NV4.T01, NV4.T02), 6 chưa đến hạn.\n\
\n\
## II. ĐÁNH GIÁ CHUNG\n\
\n\
**Bảng 8. Tỷ lệ hoàn thành theo nội dung và giai đoạn, đến hết ngày 31/10/2026**\n\
\n\
| Nội dung | GĐ 1 | GĐ 2 | GĐ 3 | GĐ 4 | GĐ 5 | Tổng |\n\
|---|---|---|---|---|---|---|\n\
| TT1 | ● 0/4<br>0%<br>⚠ 4 | ▶ 0/0<br>– | ○ 0/0<br>– | ○ 0/0<br>– | ○ 0/0<br>– | 0/4<br>0%<br>⚠ 4 |\n\
| TT2 | ● 0/4<br>0%<br>⚠ 4 | ▶ 0/0<br>– | ○ 0/0<br>– | ○ 0/0<br>– | ○ 0/0<br>– | 0/4<br>0%<br>⚠ 4 |\n\
| TT3 | ● 0/4<br>0%<br>⚠ 4 | ▶ 0/0<br>– | ○ 0/0<br>– | ○ 0/0<br>– | ○ 0/0<br>– | 0/4<br>0%<br>⚠ 4 |\n\
| NV1 | ● 0/4<br>0%<br>⚠ 4 | ▶ 0/0<br>– | ○ 0/0<br>– | ○ 0/0<br>– | ○ 0/0<br>– | 0/4<br>0%<br>⚠ 4 |\n\
| NV2 | ● 0/3<br>0%<br>⚠ 3 | ▶ 0/0<br>– | ○ 0/0<br>– | ○ 0/0<br>– | ○ 0/0<br>– | 0/3<br>0%<br>⚠ 3 |\n\
| NV3 | ● 0/2<br>0%<br>⚠ 2 | ▶ 0/0<br>– | ○ 0/0<br>– | ○ 0/0<br>– | ○ 0/0<br>– | 0/2<br>0%<br>⚠ 2 |\n\
| NV4 | ● 0/2<br>0%<br>⚠ 2 | ▶ 0/0<br>– | ○ 0/0<br>– | ○ 0/0<br>– | ○ 0/0<br>– | 0/2<br>0%<br>⚠ 2 |\n\
| Tổng | 0/23<br>0%<br>⚠ 23 | 0/0<br>– | 0/0<br>– | 0/0<br>– | 0/0<br>– | 0/23<br>0%<br>⚠ 23 |\n\
\n\
GĐ = giai đoạn. Mỗi ô: đạt đúng hạn/đã đến hạn và tỷ lệ; ⚠ số việc quá hạn hoặc làm trễ. ○ chưa bắt đầu, ▶ đang diễn ra, ● đã kết thúc.\n\
\n\
Tính chung, 0/23 nhiệm vụ và chỉ tiêu đã đến hạn đạt đúng hạn (0%); 0 đạt nhưng trễ hạn; 23 quá hạn chưa đạt.\n\
\n\
Về chỉ tiêu: 0/54 chỉ tiêu đạt mục tiêu (không có); 0 chỉ tiêu chưa đạt (không có); 54 chỉ tiêu chưa có số liệu hoặc mốc so sánh.\n\
\n\
**Bảng 9. Việc quá hạn theo đơn vị chủ trì**\n\
\n\
| Đơn vị | Số việc | Mã |\n\
|---|---|---|\n\
| Công an phường | 7 | TT2.T03, TT3.T01, TT3.T02, TT3.T03, TT3.T04, NV1.T03, NV1.T04 |\n\
| Trung tâm Phục vụ Hành chính công | 5 | TT1.T01, TT1.T02, TT1.T03, TT1.09, NV3.T02 |\n\
| Phòng Kinh tế, Hạ tầng và Đô thị | 3 | TT2.T01, TT2.T02, TT2.06 |\n\
| Phòng Văn hóa-Xã hội | 2 | NV1.T01, NV1.T02 |\n\
| Chủ tịch UBND phường | 2 | NV2.T03, NV4.T01 |\n\
| Công chức Văn phòng - Thống kê | 2 | NV3.T01, NV4.T02 |\n\
| Phó Chủ tịch UBND phường phụ trách Kinh tế - Đô thị | 1 | NV2.T01 |\n\
| Bộ phận Địa chính - Xây dựng - Đô thị | 1 | NV2.T02 |\n\
\n\
> *[Văn phòng HĐND-UBND bổ sung: những kết quả nổi bật; tồn tại, hạn chế và nguyên nhân; đơn vị làm tốt, đơn vị còn chậm.]*\n\
\n\
## III. NHIỆM VỤ TRỌNG TÂM KỲ TỚI\n\
\n\
**Bảng 10. Nhiệm vụ và chỉ tiêu đến hạn trong tháng 11/2026**\n\
\n\
| Mã | Nội dung | Chủ trì | Hạn |\n\
|---|---|---|---|\n\
| NV2.04 | Tỷ lệ giải ngân vốn đầu tư công năm 2026: tối thiểu 95% trước ngày 30/11 và 100% trước ngày 31/12 | Bộ phận Tài chính - Kế toán phường | 30/11/2026 |\n\
\n\
> *[Văn phòng HĐND-UBND bổ sung: giải pháp, kiến nghị, đề xuất.]*\n\
\n\
| ***Nơi nhận:***<br>- UBND thành phố Đồng Nai (b/c);<br>- TT.Đảng ủy phường (b/c);<br>- TT.Đảng ủy UBND phường (b/c);<br>- TT.HĐND phường;<br>- Chủ tịch, các PCT.UBND phường;<br>- Lưu: VT, VP. | **TM. ỦY BAN NHÂN DÂN**<br>**CHỦ TỊCH**<br><br><br>**Vũ Quốc Thái** |\n\
|:---|:---:|\n")
        .writes_nothing()
        .run()
        .stdout;
    for expected in [
        "ỦY BAN NHÂN DÂN THÀNH PHỐ ĐỒNG NAI<br>**ỦY BAN NHÂN DÂN PHƯỜNG TAM PHƯỚC**<br>Số:        /BC-UBND",
        "**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**<br>**Độc lập - Tự do - Hạnh phúc**<br>*Tam Phước, ngày 25 tháng 11 năm 2026*",
        "Kết quả thực hiện Kế hoạch số 118/KH-UBND ngày 30/5/2026 của UBND phường Tam Phước tháng 10/2026",
        // As of 25/11/2026 the month reported is October, its first to its last day.
        "UBND phường Tam Phước báo cáo kết quả thực hiện tháng 10/2026 (từ ngày 01/10/2026 đến ngày 31/10/2026) như sau:",
        // The seed's [report] recipients, not the plan's.
        "***Nơi nhận:***<br>- UBND thành phố Đồng Nai (b/c);<br>- TT.Đảng ủy phường (b/c);",
        "- Chủ tịch, các PCT.UBND phường;<br>- Lưu: VT, VP. |",
        "**TM. ỦY BAN NHÂN DÂN**<br>**CHỦ TỊCH**<br><br><br>**Vũ Quốc Thái**",
    ] {
        assert!(md.contains(expected), "missing {expected:?} in\n{md}");
    }
    assert!(
        !md.contains("Tuyệt"),
        "the plan's own recipients stay the plan's"
    );
    // Every content of the plan has its section.
    for (n, code) in ["TT1", "TT2", "TT3", "NV1", "NV2", "NV3", "NV4"]
        .iter()
        .enumerate()
    {
        assert!(md.contains(&format!("### {}. {code} - ", n + 1)), "{code}");
    }
}

/// The ward's seed with a `[report]` of its own: the report's recipients and a deputy signing.
const REPORT_TABLE: &str = r#"
[report]
recipients = ["Thường trực Đảng ủy phường (b/c)", "UBND thành phố (b/c)", "Lưu: VT, VP"]
signs_for = "KT. CHỦ TỊCH"
signer_title = "PHÓ CHỦ TỊCH"
signer_name = "Nguyễn Văn A"
"#;

/// A seed written into the test's folder: fixtures/seeds/ward.toml with `extra` after it.
fn ward_seed_with(k: &Kehoach, extra: &str) -> String {
    let ward = std::fs::read_to_string(fixture("seeds/ward.toml")).unwrap();
    let path = k.path("ward-report.toml");
    std::fs::write(&path, format!("{ward}{extra}")).unwrap();
    path.to_str().unwrap().to_string()
}

#[test]
fn the_seeds_report_table_addresses_and_signs_the_report() {
    let k = Kehoach::new();
    k.test(&["init", "--seed", &ward_seed_with(&k, REPORT_TABLE)])
        .stdout(
            "Đã nạp Kế hoạch 99/KH-TEST vào <DB>: 2 nội dung, 5 chỉ tiêu, 12 nhiệm vụ, 5 đơn vị.\n",
        )
        .masked()
        .writes()
        .run();
    let md = k
        .test(&["baocao", "--as-of", "01/07/2026"])
        .stdout("| **ỦY BAN NHÂN DÂN PHƯỜNG THỬ NGHIỆM**<br>Số:        /BC-UBND | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**<br>**Độc lập - Tự do - Hạnh phúc**<br>*Thử Nghiệm, ngày 01 tháng 7 năm 2026* |\n\
|:---:|:---:|\n\
\n\
<p align=\"center\"><b>BÁO CÁO</b><br><b>Kết quả thực hiện Kế hoạch số 99/KH-TEST ngày 1/1/2026 của UBND phường Thử Nghiệm tháng 06/2026</b></p>\n\
\n\
Thực hiện Kế hoạch số 99/KH-TEST ngày 1/1/2026, UBND phường Thử Nghiệm báo cáo kết quả thực hiện tháng 06/2026 (từ ngày 01/06/2026 đến ngày 30/06/2026) như sau:\n\
\n\
## I. KẾT QUẢ THỰC HIỆN\n\
\n\
### 1. TT1 - Phục vụ nhanh\n\
\n\
**Bảng 1. Kết quả các chỉ tiêu của TT1 đến hết ngày 30/06/2026**\n\
\n\
| Mã | Chỉ tiêu | Mục tiêu | Hạn | Kết quả | Cùng kỳ | Đánh giá |\n\
|---|---|---|---|---|---|---|\n\
| TT1.01 | Hồ sơ giải quyết trực tuyến | ≥ 90% | 30/06/2026 | - | - | quá hạn 1 ngày |\n\
| TT1.02 | Sáng kiến được công nhận | ≥ 5 sáng kiến | 30/09/2026 | - | - | chưa đến hạn; hiện chưa có số liệu |\n\
| TT1.03 | Tỷ lệ hồ sơ trễ hạn | < 3% | 31/12/2026 | - | - | chưa đến hạn; hiện chưa có số liệu |\n\
\n\
Nhiệm vụ: 0 hoàn thành đúng hạn, 0 hoàn thành trễ hạn, 5 quá hạn chưa hoàn thành (TT1.T01, TT1.T02, TT1.T03, TT1.T04, TT1.T05), 2 chưa đến hạn.\n\
\n\
### 2. NV1 - An ninh trật tự\n\
\n\
**Bảng 2. Kết quả các chỉ tiêu của NV1 đến hết ngày 30/06/2026**\n\
\n\
| Mã | Chỉ tiêu | Mục tiêu | Hạn | Kết quả | Cùng kỳ | Đánh giá |\n\
|---|---|---|---|---|---|---|\n\
| NV1.01 | Kéo giảm vụ vi phạm so với năm 2025 | giảm ≥ 20% so với 2025 | 31/10/2026 | - | - | chưa đến hạn; hiện chưa có số liệu |\n\
| NV1.02 | Tỷ lệ giải ngân vốn đầu tư công | ≥ 100% | 31/12/2026 | - | - | chưa đến hạn; hiện chưa có số liệu |\n\
\n\
Nhiệm vụ: 0 hoàn thành đúng hạn, 0 hoàn thành trễ hạn, 2 quá hạn chưa hoàn thành (NV1.T01, NV1.T02), 3 chưa đến hạn.\n\
\n\
## II. ĐÁNH GIÁ CHUNG\n\
\n\
**Bảng 3. Tỷ lệ hoàn thành theo nội dung và giai đoạn, đến hết ngày 30/06/2026**\n\
\n\
| Nội dung | GĐ 1 | GĐ 2 | GĐ 3 | GĐ 4 | GĐ 5 | Tổng |\n\
|---|---|---|---|---|---|---|\n\
| TT1 | ● 0/2<br>0%<br>⚠ 2 | ● 0/3<br>0%<br>⚠ 3 | ● 0/2<br>0%<br>⚠ 2 | ○ 0/0<br>– | ○ 0/0<br>– | 0/7<br>0%<br>⚠ 7 |\n\
| NV1 | ● 0/1<br>0%<br>⚠ 1 | ● 0/1<br>0%<br>⚠ 1 | ▶ 0/0<br>– | ○ 0/0<br>– | ○ 0/0<br>– | 0/2<br>0%<br>⚠ 2 |\n\
| Tổng | 0/3<br>0%<br>⚠ 3 | 0/4<br>0%<br>⚠ 4 | 0/2<br>0%<br>⚠ 2 | 0/0<br>– | 0/0<br>– | 0/9<br>0%<br>⚠ 9 |\n\
\n\
GĐ = giai đoạn. Mỗi ô: đạt đúng hạn/đã đến hạn và tỷ lệ; ⚠ số việc quá hạn hoặc làm trễ. ○ chưa bắt đầu, ▶ đang diễn ra, ● đã kết thúc.\n\
\n\
Tính chung, 0/9 nhiệm vụ và chỉ tiêu đã đến hạn đạt đúng hạn (0%); 0 đạt nhưng trễ hạn; 9 quá hạn chưa đạt.\n\
\n\
Về chỉ tiêu: 0/5 chỉ tiêu đạt mục tiêu (không có); 0 chỉ tiêu chưa đạt (không có); 5 chỉ tiêu chưa có số liệu hoặc mốc so sánh.\n\
\n\
**Bảng 4. Việc quá hạn theo đơn vị chủ trì**\n\
\n\
| Đơn vị | Số việc | Mã |\n\
|---|---|---|\n\
| Phòng A | 5 | TT1.T01, TT1.T04, TT1.01, TT1.T05, TT1.01 |\n\
| Khu phố 1 | 2 | TT1.T02, NV1.T01 |\n\
| Phòng B | 1 | TT1.T03 |\n\
| Khu phố 2 | 1 | NV1.T02 |\n\
\n\
> *[Văn phòng HĐND-UBND bổ sung: những kết quả nổi bật; tồn tại, hạn chế và nguyên nhân; đơn vị làm tốt, đơn vị còn chậm.]*\n\
\n\
## III. NHIỆM VỤ TRỌNG TÂM KỲ TỚI\n\
\n\
**Bảng 5. Nhiệm vụ và chỉ tiêu đến hạn trong tháng 07/2026**\n\
\n\
| Mã | Nội dung | Chủ trì | Hạn |\n\
|---|---|---|---|\n\
| NV1.T03 | Phiên giao dịch việc làm | Phòng B | 31/07/2026 |\n\
\n\
> *[Văn phòng HĐND-UBND bổ sung: giải pháp, kiến nghị, đề xuất.]*\n\
\n\
| ***Nơi nhận:***<br>- Thường trực Đảng ủy phường (b/c);<br>- UBND thành phố (b/c);<br>- Lưu: VT, VP. | **TM. ỦY BAN NHÂN DÂN**<br>**KT. CHỦ TỊCH**<br>**PHÓ CHỦ TỊCH**<br><br><br>**Nguyễn Văn A** |\n\
|:---|:---:|\n")
        .writes_nothing()
        .run()
        .stdout;
    let footer = "| ***Nơi nhận:***<br>- Thường trực Đảng ủy phường (b/c);<br>- UBND thành phố (b/c);<br>- Lưu: VT, VP. \
         | **TM. ỦY BAN NHÂN DÂN**<br>**KT. CHỦ TỊCH**<br>**PHÓ CHỦ TỊCH**<br><br><br>**Nguyễn Văn A** |";
    assert!(md.contains(footer), "missing {footer:?} in\n{md}");
    // Stored with the plan, and shown in the plan's JSON.
    let plan = k
        .test(&["plan", "--format", "json"])
        .stdout_json()
        .writes_nothing()
        .run()
        .json();
    assert_eq!(plan["plan"]["report"]["signs_for"], "KT. CHỦ TỊCH");
    // The .docx carries the same blocks.
    let out = k.path("bc.docx");
    k.test(&[
        "baocao",
        "--as-of",
        "01/07/2026",
        "--out",
        out.to_str().unwrap(),
    ])
    .writes_nothing()
    .run();
    let (_, document) = unzip(&std::fs::read(&out).unwrap(), "word/document.xml");
    for expected in [
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Nguyễn Văn A",
        "- Lưu: VT, VP.",
    ] {
        assert!(
            document.contains(expected),
            "missing {expected:?} in the .docx"
        );
    }
}

#[test]
fn a_report_table_that_breaks_the_decree_is_refused_where_it_is_wrong() {
    let k = Kehoach::new();
    let seed = ward_seed_with(
        &k,
        "\n[report]\nrecipients = [\"UBND thành phố\", \" \"]\nauthority = \"ỦY BAN NHÂN DÂN\"\nsigns_for = \"KT. CHỦ TỊCH\"\n",
    );
    let run = k
        .test(&["init", "--seed", &seed])
        .status(3)
        .stderr("Lỗi: Tệp kế hoạch <DIR>/ward-report.toml không hợp lệ (3 lỗi); chưa ghi gì vào cơ sở dữ liệu:\n  \
<DIR>/ward-report.toml:247:14: không được để trống: ghi nội dung hoặc bỏ hẳn mục này\n  \
<DIR>/ward-report.toml:248:13: «ỦY BAN NHÂN DÂN» phải bắt đầu bằng «TM.» (Nghị định 30/2020/NĐ-CP), ví dụ «TM. ỦY BAN NHÂN DÂN»\n  \
<DIR>/ward-report.toml:249:13: có signs_for (người ký thay) thì phải có signer_title của người ký, ví dụ «PHÓ CHỦ TỊCH»\n")
        .masked()
        .run();
    let stderr = stable(&run.stderr, &k).replace("<DIR>/", "");
    assert_eq!(
        stderr,
        "Lỗi: Tệp kế hoạch ward-report.toml không hợp lệ (3 lỗi); chưa ghi gì vào cơ sở dữ liệu:\n\
         \x20 ward-report.toml:247:14: không được để trống: ghi nội dung hoặc bỏ hẳn mục này\n\
         \x20 ward-report.toml:248:13: «ỦY BAN NHÂN DÂN» phải bắt đầu bằng «TM.» (Nghị định 30/2020/NĐ-CP), ví dụ «TM. ỦY BAN NHÂN DÂN»\n\
         \x20 ward-report.toml:249:13: có signs_for (người ký thay) thì phải có signer_title của người ký, ví dụ «PHÓ CHỦ TỊCH»\n"
    );
    assert!(!k.db.exists(), "nothing written");
}

#[test]
fn a_database_from_before_the_report_table_is_migrated_and_reports_as_the_plan() {
    let k = Kehoach::new();
    // A database written by schema version 3, taken back to the schema as it was before
    // migrations/002-report.sql: the report's recipients are then the plan's.
    std::fs::copy(common::fixture("databases/v3.db"), &k.db).unwrap();
    let conn = rusqlite::Connection::open(&k.db).unwrap();
    conn.execute_batch(
        "ALTER TABLE plan DROP COLUMN report;
         ALTER TABLE indicators DROP COLUMN accumulation;
         ALTER TABLE indicators DROP COLUMN baseline_against;
         ALTER TABLE measurements DROP COLUMN period_start;
         PRAGMA user_version = 1;",
    )
    .unwrap();
    drop(conn);
    let md = k
        .test(&["baocao", "--as-of", "01/07/2026"])
        .stdout_read()
        // Opening a database from before the report table migrates it.
        .writes()
        .run()
        .stdout;
    assert!(
        md.contains(
            "| ***Nơi nhận:***<br>- UBND thành phố Đồng Nai;<br>- TT.Đảng ủy phường;<br>\
             - TT.HĐND phường;<br>- Ban Xây dựng đảng;<br>- TT.Đảng ủy UBND phường;<br>\
             - TT.MTTQVN phường;<br>- Chủ tịch, các PCT.UBND phường;<br>\
             - Chánh, Phó CVP.HĐND-UBND phường;<br>- Các đơn vị, phòng ban trực thuộc UBND phường;<br>\
             - Công an, Quân sự phường;<br>- Trạm y tế, Các trường học;<br>- Lưu: VT, VP (Tuyệt). | \
             **TM. ỦY BAN NHÂN DÂN**<br>**CHỦ TỊCH**<br><br><br>**Vũ Quốc Thái** |"
        ),
        "{md}"
    );
    assert_eq!(k.count("PRAGMA user_version"), 6);
    assert_eq!(k.count("SELECT count(*) FROM plan WHERE report = '{}'"), 1);
}

/// The entries of a zip package and the text of one of them.
fn unzip(bytes: &[u8], name: &str) -> (Vec<String>, String) {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let names = (0..archive.len())
        .map(|i| archive.by_index(i).unwrap().name().unwrap().to_string())
        .collect();
    let mut text = String::new();
    archive
        .by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    (names, text)
}

#[test]
fn the_docx_is_a_valid_package_with_the_same_bytes_every_time() {
    let k = Kehoach::new();
    k.test(&["init"]).stdout("Đã nạp Kế hoạch 118/KH-UBND vào <DB>: 7 nội dung, 54 chỉ tiêu, 85 nhiệm vụ, 30 đơn vị.\n").masked()
        .writes()
.run();
    let (a, b) = (k.path("bao-cao.docx"), k.path("lan-hai.docx"));
    for path in [&a, &b] {
        k.test(&[
            "baocao",
            "--as-of",
            "25/11/2026",
            "--so",
            "25",
            "--out",
            path.to_str().unwrap(),
        ])
        .writes_nothing()
        .run();
    }
    let bytes = std::fs::read(&a).unwrap();
    assert_eq!(bytes, std::fs::read(&b).unwrap(), "same data, same bytes");
    let (names, document) = unzip(&bytes, "word/document.xml");
    for part in [
        "[Content_Types].xml",
        "_rels/.rels",
        "word/document.xml",
        "word/styles.xml",
    ] {
        assert!(names.iter().any(|n| n == part), "{part} in {names:?}");
    }
    // The XML parses from start to end.
    let mut reader = quick_xml::Reader::from_str(&document);
    let mut text = String::new();
    loop {
        match reader.read_event().expect("well-formed XML") {
            quick_xml::events::Event::Eof => break,
            quick_xml::events::Event::Text(t) => text.push_str(&t.into_inner()),
            _ => {}
        }
    }
    for expected in [
        // The issuing body on two even lines, each its own paragraph.
        "THÀNH PHỐ ĐỒNG NAIỦY BAN NHÂN DÂNPHƯỜNG TAM PHƯỚC",
        "Số: 25/BC-UBND",
        "BÁO CÁO",
        "I. KẾT QUẢ THỰC HIỆN",
        "II. ĐÁNH GIÁ CHUNG",
        "III. NHIỆM VỤ TRỌNG TÂM KỲ TỚI",
        "Vũ Quốc Thái",
    ] {
        assert!(text.contains(expected), "missing {expected:?}");
    }
    // A4, the margins of the rules, Times New Roman.
    assert!(document.contains(r#"w:w="11906" w:h="16838""#), "A4");
    assert!(document.contains(r#"w:left="1701""#) && document.contains(r#"w:right="850""#));
    let (_, styles) = unzip(&bytes, "word/styles.xml");
    assert!(styles.contains("Times New Roman"));

    // Where LibreOffice is installed, it converts the report to PDF without complaint.
    let Some(office) = common::libreoffice() else {
        eprintln!(
            "note: LibreOffice not installed; the PDF conversion was not tried (CI fails here)"
        );
        return;
    };
    let converted = std::process::Command::new(office)
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(k.path(""))
        .arg(&a)
        .output()
        .unwrap();
    assert!(converted.status.success(), "{converted:?}");
    let pdf = std::fs::read(k.path("bao-cao.pdf")).expect("a PDF");
    assert!(pdf.starts_with(b"%PDF"));
}

#[test]
fn markdown_and_html_carry_the_same_content() {
    let k = ward_with_data();
    let (md, html) = (k.path("bc.md"), k.path("bc.html"));
    for path in [&md, &html] {
        k.test(&[
            "baocao",
            "--as-of",
            "01/07/2026",
            "--out",
            path.to_str().unwrap(),
        ])
        .writes_nothing()
        .run();
    }
    let md = std::fs::read_to_string(md).unwrap();
    let html = std::fs::read_to_string(html).unwrap();
    for caption in md.lines().filter(|l| l.starts_with("**Bảng ")) {
        let caption = caption.trim_matches('*');
        assert!(html.contains(caption), "{caption} missing from the HTML");
    }
    assert!(html.contains("@page{size:A4"));
}

#[test]
fn what_the_report_cannot_be_made_of_is_refused_and_nothing_written() {
    let k = ward_with_data();
    let dump = k.dump();
    let pdf = k.path("bc.pdf");
    let docx = k.path("bc.docx");
    let cases: [(Vec<&str>, i32, &str); 6] = [
        (vec!["--period", "weekly"], 2, "giá trị 'weekly' không dùng được"),
        (
            vec!["--as-of", "31/02/2026"],
            3,
            "Lỗi: --as-of: ngày 31/02/2026 không có trên lịch\n",
        ),
        (
            vec!["--out", pdf.to_str().unwrap()],
            3,
            "Lỗi: Không biết ghi báo cáo ra <DIR>/bc.pdf: dùng tên tệp .docx, .md hoặc .html\n",
        ),
        (
            vec!["--as-of", "15/01/2026"],
            3,
            "Lỗi: Kỳ báo cáo tháng 12/2025 (01/12/2025 - 31/12/2025) kết thúc trước khi kế hoạch bắt đầu (01/01/2026): chọn --as-of muộn hơn hoặc một kỳ khác\n",
        ),
        (
            vec!["--as-of", "15/01/2026", "--out", docx.to_str().unwrap()],
            3,
            "Lỗi: Kỳ báo cáo tháng 12/2025 (01/12/2025 - 31/12/2025) kết thúc trước khi kế hoạch bắt đầu (01/01/2026): chọn --as-of muộn hơn hoặc một kỳ khác\n",
        ),
        (
            vec!["--period", "phase", "--as-of", "10/01/2026"],
            3,
            "Lỗi: Đến ngày 10/01/2026 chưa có giai đoạn nào kết thúc: chưa có gì để báo cáo theo giai đoạn\n",
        ),
    ];
    for (args, code, message) in cases {
        let mut all = vec!["baocao"];
        all.extend(&args);
        let message = message.to_string();
        k.test(&all)
            .status(code)
            .masked()
            .stderr_check(move |stderr| {
                if code == 3 {
                    assert_eq!(stderr, message);
                } else {
                    assert!(stderr.contains(&message), "{stderr}");
                }
            })
            .run();
    }
    assert!(!pdf.exists() && !docx.exists(), "no file written");
    assert_eq!(k.dump(), dump, "nothing may be written");
}

#[test]
fn the_phase_report_judges_each_content_at_its_own_phase_end() {
    let k = ward_with_data();
    let md = k
        .test(&["baocao", "--period", "phase", "--as-of", "01/07/2026"])
        .stdout("| **ỦY BAN NHÂN DÂN PHƯỜNG THỬ NGHIỆM**<br>Số:        /BC-UBND | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**<br>**Độc lập - Tự do - Hạnh phúc**<br>*Thử Nghiệm, ngày 01 tháng 7 năm 2026* |\n\
|:---:|:---:|\n\
\n\
<p align=\"center\"><b>BÁO CÁO</b><br><b>Kết quả thực hiện Kế hoạch số 99/KH-TEST ngày 1/1/2026 của UBND phường Thử Nghiệm giai đoạn vừa kết thúc</b></p>\n\
\n\
Thực hiện Kế hoạch số 99/KH-TEST ngày 1/1/2026, UBND phường Thử Nghiệm báo cáo kết quả thực hiện đến hết giai đoạn vừa kết thúc của từng nội dung (số liệu tính đến ngày kết thúc giai đoạn, ghi ở từng nội dung) như sau:\n\
\n\
## I. KẾT QUẢ THỰC HIỆN\n\
\n\
### 1. TT1 - Phục vụ nhanh\n\
\n\
Giai đoạn 3 (Xử lý điểm nghẽn): 01/05/2026 - 30/06/2026.\n\
\n\
**Bảng 1. Kết quả các chỉ tiêu của TT1 đến hết ngày 30/06/2026**\n\
\n\
| Mã | Chỉ tiêu | Mục tiêu | Hạn | Kết quả | Cùng kỳ | Đánh giá |\n\
|---|---|---|---|---|---|---|\n\
| TT1.01 | Hồ sơ giải quyết trực tuyến | ≥ 90% | 30/06/2026 | 90,4% | - | đạt (15/04/2026) |\n\
| TT1.02 | Sáng kiến được công nhận | ≥ 5 sáng kiến | 30/09/2026 | 4 sáng kiến | - | chưa đến hạn; hiện chưa đạt |\n\
| TT1.03 | Tỷ lệ hồ sơ trễ hạn | < 3% | 31/12/2026 | 2,5% | - | chưa đến hạn; hiện đạt |\n\
\n\
Nhiệm vụ: 1 hoàn thành đúng hạn, 0 hoàn thành trễ hạn, 4 quá hạn chưa hoàn thành (TT1.T02, TT1.T03, TT1.T04, TT1.T05), 2 chưa đến hạn.\n\
\n\
### 2. NV1 - An ninh trật tự\n\
\n\
Giai đoạn 2 (Triển khai): 01/04/2026 - 31/05/2026.\n\
\n\
**Bảng 2. Kết quả các chỉ tiêu của NV1 đến hết ngày 31/05/2026**\n\
\n\
| Mã | Chỉ tiêu | Mục tiêu | Hạn | Kết quả | Cùng kỳ | Đánh giá |\n\
|---|---|---|---|---|---|---|\n\
| NV1.01 | Kéo giảm vụ vi phạm so với năm 2025 | giảm ≥ 20% so với 2025 | 31/10/2026 | - | - | chưa đến hạn; hiện chưa có số liệu |\n\
| NV1.02 | Tỷ lệ giải ngân vốn đầu tư công | ≥ 100% | 31/12/2026 | - | - | chưa đến hạn; hiện chưa có số liệu |\n\
\n\
Nhiệm vụ: 1 hoàn thành đúng hạn, 0 hoàn thành trễ hạn, 1 quá hạn chưa hoàn thành (NV1.T02), 3 chưa đến hạn.\n\
\n\
## II. ĐÁNH GIÁ CHUNG\n\
\n\
**Bảng 3. Tỷ lệ hoàn thành theo nội dung và giai đoạn, mỗi nội dung đến hết giai đoạn vừa kết thúc**\n\
\n\
| Nội dung | GĐ 1 | GĐ 2 | GĐ 3 | GĐ 4 | GĐ 5 | Tổng |\n\
|---|---|---|---|---|---|---|\n\
| TT1 | ● 1/2<br>50%<br>⚠ 1 | ● 1/3<br>33%<br>⚠ 2 | ● 1/2<br>50%<br>⚠ 1 | ○ 0/0<br>– | ○ 1/1<br>100% | 4/8<br>50%<br>⚠ 4 |\n\
| NV1 | ● 1/1<br>100% | ● 0/1<br>0%<br>⚠ 1 | ○ 0/0<br>– | ○ 0/0<br>– | ○ 0/0<br>– | 1/2<br>50%<br>⚠ 1 |\n\
| Tổng | 2/3<br>67%<br>⚠ 1 | 1/4<br>25%<br>⚠ 3 | 1/2<br>50%<br>⚠ 1 | 0/0<br>– | 1/1<br>100% | 5/10<br>50%<br>⚠ 5 |\n\
\n\
GĐ = giai đoạn. Mỗi ô: đạt đúng hạn/đã đến hạn và tỷ lệ; ⚠ số việc quá hạn hoặc làm trễ. ○ chưa bắt đầu, ▶ đang diễn ra, ● đã kết thúc.\n\
\n\
Tính chung, 5/10 nhiệm vụ và chỉ tiêu đã đến hạn đạt đúng hạn (50%); 0 đạt nhưng trễ hạn; 5 quá hạn chưa đạt.\n\
\n\
Về chỉ tiêu: 2/5 chỉ tiêu đạt mục tiêu (TT1.01, TT1.03); 1 chỉ tiêu chưa đạt (TT1.02); 2 chỉ tiêu chưa có số liệu hoặc mốc so sánh.\n\
\n\
**Bảng 4. Việc quá hạn theo đơn vị chủ trì**\n\
\n\
| Đơn vị | Số việc | Mã |\n\
|---|---|---|\n\
| Phòng A | 2 | TT1.T04, TT1.T05 |\n\
| Khu phố 1 | 1 | TT1.T02 |\n\
| Phòng B | 1 | TT1.T03 |\n\
| Khu phố 2 | 1 | NV1.T02 |\n\
\n\
> *[Văn phòng HĐND-UBND bổ sung: những kết quả nổi bật; tồn tại, hạn chế và nguyên nhân; đơn vị làm tốt, đơn vị còn chậm.]*\n\
\n\
## III. NHIỆM VỤ TRỌNG TÂM KỲ TỚI\n\
\n\
**Bảng 5. Nhiệm vụ và chỉ tiêu đến hạn trong giai đoạn tiếp theo**\n\
\n\
| Mã | Nội dung | Chủ trì | Hạn |\n\
|---|---|---|---|\n\
| TT1.T06 | Hoàn thành sáng kiến | Phòng B | 30/09/2026 |\n\
| TT1.02 | Sáng kiến được công nhận | Phòng A | 30/09/2026 |\n\
| NV1.T03 | Phiên giao dịch việc làm | Phòng B | 31/07/2026 |\n\
\n\
> *[Văn phòng HĐND-UBND bổ sung: giải pháp, kiến nghị, đề xuất.]*\n\
\n\
| ***Nơi nhận:***<br> | **TM. ỦY BAN NHÂN DÂN**<br>**CHỦ TỊCH**<br><br><br> |\n\
|:---|:---:|\n")
        .writes_nothing()
        .run()
        .stdout;
    // TT1's phase 3 ended 30/06; NV1's phases have their own dates.
    assert!(md.contains("Giai đoạn 3 ("), "{md}");
    assert!(md.contains("giai đoạn vừa kết thúc"), "{md}");
}

#[test]
fn the_period_is_the_last_whole_one_ending_before_the_as_of_day() {
    let k = Kehoach::with_seed("ward.toml");
    let cases = [
        // The as-of day belongs to the current period, even on its last day.
        (
            "month",
            "31/07/2026",
            "tháng 06/2026 (từ ngày 01/06/2026 đến ngày 30/06/2026)",
            "tháng 07/2026",
        ),
        (
            "month",
            "01/08/2026",
            "tháng 07/2026 (từ ngày 01/07/2026 đến ngày 31/07/2026)",
            "tháng 08/2026",
        ),
        (
            "quarter",
            "15/07/2026",
            "quý II/2026 (từ ngày 01/04/2026 đến ngày 30/06/2026)",
            "quý III/2026",
        ),
        (
            "half",
            "15/07/2026",
            "6 tháng đầu năm 2026 (từ ngày 01/01/2026 đến ngày 30/06/2026)",
            "6 tháng cuối năm 2026",
        ),
        (
            "year",
            "2027-01-05",
            "năm 2026 (từ ngày 01/01/2026 đến ngày 31/12/2026)",
            "năm 2027",
        ),
    ];
    for (period, as_of, covered, next) in cases {
        let opening = format!("báo cáo kết quả thực hiện {covered} như sau:");
        let next = format!("đến hạn trong {next}");
        k.test(&["baocao", "--period", period, "--as-of", as_of])
            .stdout_check(move |md| {
                assert!(md.contains(&opening), "{opening:?} in\n{md}");
                assert!(md.contains(&next), "{next:?} in\n{md}");
            })
            .writes_nothing()
            .run();
    }
}
