<?php
    // The PHP code example of the Billy seed (003_476f8c554006605f.txt), as published, but for the
    // semicolon after the last call, without which PHP refuses the file. The test replaces only the
    // base URL and token.
// Reusable client for sending requests to the Billy API
class BillyClient {
    private $apiToken;

    public function __construct($apiToken) {
        $this->apiToken = $apiToken;
    }

    public function request($method, $url, $body = null) {
        try {
            $c = curl_init("https://api.billysbilling.com/v2" . $url);
            curl_setopt($c, CURLOPT_RETURNTRANSFER, true);
            curl_setopt($c, CURLOPT_CUSTOMREQUEST, $method);

            // Set headers
            curl_setopt($c, CURLOPT_HTTPHEADER, array(
                "X-Access-Token: " . $this->apiToken,
                "Content-Type: application/json"
            ));

            if ($body) {
                // Set body
                curl_setopt($c, CURLOPT_POSTFIELDS, json_encode($body));
            }

            // Execute request
            $res = curl_exec($c);
            $status = curl_getinfo($c, CURLINFO_HTTP_CODE);
            $body = json_decode($res);

            if ($status >= 400) {
                throw new Exception("$method: $url failed with $status - $res");
            }

            return $body;
        } catch (Exception $e) {
            print_r($e);
            throw $e;
        }
    }
}

// Creates a contact. The server replies with a list of contacts and we
// return the id of the first contact of the list
function createContact($client, $organizationId) {
    $contact = array(
        'organizationId' => $organizationId,
        'name' => "Ninjas",
        'countryId' => "DK"
    );
    $res = $client->request("POST", "/contacts", array('contact' => $contact));

    return $res->contacts[0]->id;
}

// Creates a product. The server replies with a list of products and we
// return the id of the first product of the list
function createProduct($client, $organizationId) {
    $product = array(
        'organizationId' => $organizationId,
        'name' => 'Pens',
        'prices' => [array(
            'unitPrice' => 200,
            'currencyId' => 'DKK'
        )]
    );
    $res = $client->request("POST", "/products", array('product' => $product));

    return $res->products[0]->id;
}

// Creates an invoice, the server replies with a list of invoices and we
// return the id of the first invoice of the list
function createInvoice($client, $organizationId, $contactId, $productId) {
    $invoice = array(
        'organizationId' => $organizationId,
        'invoiceNo' => 991,
        'entryDate' => '2013-11-14',
        'contactId' => $contactId,
        'lines' => [array(
            'productId' => $productId,
            'unitPrice' => 200
        )]
    );
    $res = $client->request("POST", "/invoices", array('invoice' => $invoice));

    return $res->invoices[0]->id;
}

// Gets the id of the organization associated with the API token.
function getOrganizationId($client) {
    $res = $client->request("GET", "/organization");

    return $res->organization->id;
}

function getInvoice($client, $invoiceId) {
    $res = $client->request("GET", "/invoices", $invoiceId);

    return $res->invoices[0];
}

function main() {
    $client = new BillyClient("YOUR ACCESS TOKEN HERE");

    $currentOrganizationId = getOrganizationId($client);
    $newContactId = createContact($client, $currentOrganizationId);
    $newProductId = createProduct($client, $currentOrganizationId);
    $newInvoiceId = createInvoice($client, $currentOrganizationId, $newContactId, $newProductId);
    $newlyCreatedInvoice = getInvoice($client, $newInvoiceId);

    print_r($newlyCreatedInvoice);
}

// Run script which creates a new contact, a product and an invoice
main();
